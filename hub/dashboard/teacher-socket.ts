// A WebSocket to the hub's teacher socket: say hello with the CSRF token, answer pings, and give
// up on a connection that went silent. Every message is checked against the hub's own protocol
// schemas (shared/teacher-socket-protocol.ts) before it is used. Two things ride on it: one open
// class's live view (watchOverSocket) and the flags of every class the user sees
// (watchFlagsOverSocket), each on its own socket so either can drop and come back alone.
import {
  hubToTeacherSchema,
  TEACHER_SOCKET_PATH,
  type HubToTeacher,
  type LiveView,
  type TeacherToHub,
} from '../../shared/teacher-socket-protocol';
import { KEEPALIVE_SECONDS } from '../../shared/hub-protocol';
import { csrfTokenNow } from './api';

/** The hub pings every keepalive; a socket silent for 2.5 times that is dead (as the hub judges). */
const SILENT_MS = KEEPALIVE_SECONDS * 2_500;

interface Connection {
  /** The hub accepted the hello: say what to watch. */
  onReady(send: (message: TeacherToHub) => void): void;
  /** Any message but `ready` and pings; return false to close the socket (it then counts as down). */
  onMessage(message: Exclude<HubToTeacher, { type: 'ready' | 'ping' }>): boolean;
  /** Closed, refused or never opened: the caller polls and tries again later. */
  onDown(): void;
}

function socketUrl(): string {
  const url = new URL(TEACHER_SOCKET_PATH, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Opens a socket; the function returned closes it without calling onDown. */
function openTeacherSocket(connection: Connection): () => void {
  let socket: WebSocket;
  try {
    socket = new WebSocket(socketUrl());
  } catch {
    queueMicrotask(() => connection.onDown());
    return () => {};
  }
  const send = (message: TeacherToHub) => socket.send(JSON.stringify(message));
  const down = () => {
    clearTimeout(watchdog);
    connection.onDown();
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
    if (message.type === 'ready') connection.onReady(send);
    else if (message.type === 'ping') send({ type: 'pong' });
    else if (!connection.onMessage(message)) socket.close();
  });
  socket.addEventListener('close', down);

  return () => {
    clearTimeout(watchdog);
    socket.removeEventListener('close', down);
    socket.close();
  };
}

export interface ClassHandlers {
  onLive(live: LiveView): void;
  /** One of the class's "ask to visit" requests arrived or was answered. */
  onRequests(): void;
  /** Zip It, Block It, copyright or download records of the class's pupils arrived. */
  onPupilEvents(): void;
  /** The hub won't serve this class on the socket; its reason. */
  onRefused(error: string): void;
  onDown(): void;
}

/** Follows one class's live view, requests and records. */
export function watchOverSocket(classId: number, handlers: ClassHandlers): () => void {
  return openTeacherSocket({
    onReady: (send) => send({ type: 'watch', classId }),
    onMessage(message) {
      if (message.type === 'flags' || message.classId !== classId) return true;
      if (message.type === 'live') handlers.onLive(message.live);
      else if (message.type === 'requests') handlers.onRequests();
      else if (message.type === 'pupilEvents') handlers.onPupilEvents();
      else {
        handlers.onRefused(message.error);
        return false;
      }
      return true;
    },
    onDown: handlers.onDown,
  });
}

export interface FlagHandlers {
  /** Flags changed (or the watch just began): read them again. */
  onFlags(): void;
  onDown(): void;
}

/** Follows the flags and keyword alerts of every class the user sees. */
export function watchFlagsOverSocket(handlers: FlagHandlers): () => void {
  return openTeacherSocket({
    onReady: (send) => send({ type: 'watchFlags' }),
    onMessage(message) {
      if (message.type === 'flags') handlers.onFlags();
      return true;
    },
    onDown: handlers.onDown,
  });
}
