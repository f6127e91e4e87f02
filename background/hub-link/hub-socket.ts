// The one WebSocket to the hub. The socket object is a live connection, not state: after the
// worker restarts, the watchdog alarm (hub-client.ts) opens a new one and the hub's snapshot
// brings the device up to date. A socket that sees traffic every 20 s also keeps the worker
// alive (Chrome 116+), so lessons arrive at once.
import {
  DEVICE_SOCKET_PATH,
  hubToDeviceSchema,
  type DeviceToHub,
  type HubToDevice,
} from '../../shared/hub-protocol';
import { noteHubContact } from './hub-contact';

/** The hub closes with this code when the device token is not (or no longer) valid. */
export const TOKEN_REFUSED = 4401;

let socket: WebSocket | null = null;

export interface SocketHandlers {
  /** The socket is open and the hello has gone; messages sent now follow it. */
  onOpen(): void;
  onMessage(message: HubToDevice): Promise<void>;
  onClose(code: number): void;
}

export const socketIsOpen = () =>
  socket !== null &&
  (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING);

export function sendToHub(message: DeviceToHub): boolean {
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(message));
  return true;
}

/** Closes the connection (the school no longer names this hub); onClose still runs. */
export function closeSocket(reason = 'The school no longer uses this hub.'): void {
  socket?.close(1000, reason);
}

export function openSocket(hubUrl: string, deviceToken: string, handlers: SocketHandlers): void {
  const url = `${hubUrl.replace(/^http/, 'ws')}${DEVICE_SOCKET_PATH}`;
  const opened = new WebSocket(url);
  socket = opened;
  opened.addEventListener('open', () => {
    opened.send(JSON.stringify({ type: 'hello', deviceToken } satisfies DeviceToHub));
    handlers.onOpen();
  });
  opened.addEventListener('message', (event) => {
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const message = hubToDeviceSchema.safeParse(data);
    if (!message.success) return;
    void noteHubContact().catch((error) => console.warn('Hub contact', error));
    if (message.data.type === 'ping') {
      sendToHub({ type: 'pong' });
      return;
    }
    void handlers
      .onMessage(message.data)
      .catch((error) => console.error('Hub message failed', error));
  });
  opened.addEventListener('close', (event) => {
    if (socket === opened) socket = null;
    handlers.onClose(event.code);
  });
}
