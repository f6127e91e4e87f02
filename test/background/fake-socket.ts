// A stand-in for the browser's WebSocket, so the worker tier can open the hub socket, see what
// the device sends and play the hub's part. Real sockets are proven in test/e2e and test/hub.
import { vi } from 'vitest';

type Listener = (event: { code?: number; data?: string }) => void;

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  /** Everything the device sent, parsed. */
  readonly sent: { type: string; [key: string]: unknown }[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.emit('close', { code });
  }

  /** The hub accepts the connection. */
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.emit('open', {});
  }

  /** The hub sends a message. */
  receive(message: unknown): void {
    this.emit('message', { data: JSON.stringify(message) });
  }

  private emit(type: string, event: { code?: number; data?: string }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

export function installFakeSocket(): void {
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
}

export const lastSocket = (): FakeSocket => {
  const socket = FakeSocket.opened.at(-1);
  if (!socket) throw new Error('No socket was opened.');
  return socket;
};
