// One WebSocket to the hub for one open class: say hello with the CSRF token, watch the class,
// answer pings, and hand each live view on. Every message is checked against the hub's own
// protocol schemas (shared/teacher-socket-protocol.ts) before it is used.
import {
  hubToTeacherSchema,
  TEACHER_SOCKET_PATH,
  type LiveView,
  type TeacherToHub,
} from '../../shared/teacher-socket-protocol';
import { KEEPALIVE_SECONDS } from '../../shared/hub-protocol';
import { csrfTokenNow } from './api';

/** The hub pings every keepalive; a socket silent for 2.5 times that is dead (as the hub judges). */
const SILENT_MS = KEEPALIVE_SECONDS * 2_500;

export interface SocketHandlers {
  onLive(live: LiveView): void;
  /** One of the class's "ask to visit" requests arrived or was answered. */
  onRequests(): void;
  /** The hub won't serve this class on the socket; its reason. */
  onRefused(error: string): void;
  /** Closed, refused or never opened: the caller polls and tries again later. */
  onDown(): void;
}

function socketUrl(): string {
  const url = new URL(TEACHER_SOCKET_PATH, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Opens the socket; the function returned closes it without calling onDown. */
export function watchOverSocket(classId: number, handlers: SocketHandlers): () => void {
  let socket: WebSocket;
  try {
    socket = new WebSocket(socketUrl());
  } catch {
    queueMicrotask(() => handlers.onDown());
    return () => {};
  }
  const send = (message: TeacherToHub) => socket.send(JSON.stringify(message));
  const down = () => {
    clearTimeout(watchdog);
    handlers.onDown();
  };
  // A connection that died without a close (Wi-Fi gone, laptop asleep) is given up on.
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      socket.removeEventListener('close', down);
      socket.close();
      down();
    }, SILENT_MS);
  };

  socket.addEventListener('open', () => {
    heard();
    send({ type: 'hello', csrfToken: csrfTokenNow() });
  });
  socket.addEventListener('message', (event) => {
    heard();
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const parsed = hubToTeacherSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') send({ type: 'watch', classId });
    else if (message.type === 'ping') send({ type: 'pong' });
    else if (message.classId !== classId) return;
    else if (message.type === 'live') handlers.onLive(message.live);
    else if (message.type === 'requests') handlers.onRequests();
    else {
      handlers.onRefused(message.error);
      socket.close();
    }
  });
  socket.addEventListener('close', down);

  return () => {
    clearTimeout(watchdog);
    socket.removeEventListener('close', down);
    socket.close();
  };
}
