// A test hub served for real on an ephemeral loopback port, for the WebSocket tests (plain HTTP
// tests keep using `app.request()`), with small clients that speak the device and teacher
// protocols and collect what the hub sends.
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { DEVICE_SOCKET_PATH } from '../../shared/hub-protocol';
import { serveHub, type HubServer } from '../../hub/server/hub-server';
import type { HubLimits } from '../../hub/server/limits';
import { TEACHER_SOCKET_PATH } from '../../shared/teacher-socket-protocol';
import { createTestHub, type Session, type TestHub } from './hub-fixture';

export interface LiveHub extends TestHub {
  origin: string;
  close(): Promise<void>;
}

export async function startLiveHub(limits: Partial<HubLimits> = {}): Promise<LiveHub> {
  const hub = await createTestHub(limits);
  let served: HubServer | undefined;
  const info = await new Promise<AddressInfo>((resolve) => {
    served = serveHub(hub.app, { hostname: '127.0.0.1', port: 0 }, resolve);
  });
  const running = served as HubServer;
  return {
    ...hub,
    origin: `http://127.0.0.1:${info.port}`,
    close: async () => {
      await running.close();
      await hub.db.destroy();
    },
  };
}

type Message = { type: string } & Record<string, unknown>;

/** A socket that records every message and its close, and can wait for either. */
export class TestSocket {
  readonly messages: Message[] = [];
  closed: { code: number; reason: string } | undefined;
  /** Set when the upgrade itself was refused: the HTTP status. */
  refusedWith: number | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    socket.on('unexpected-response', (_request, response) => {
      this.refusedWith = response.statusCode;
      this.closed = { code: 0, reason: `HTTP ${response.statusCode}` };
      socket.terminate();
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  opened(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', () => reject(new Error(`closed: ${this.closed?.reason}`)));
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message of `type` at or after `from` (an index into `messages`). */
  async next(type: string, from = 0, timeoutMs = 2_000): Promise<Message> {
    const found = () => this.messages.slice(from).find((message) => message.type === type);
    await this.until(() => found() !== undefined, `a '${type}' message`, timeoutMs);
    return found() as Message;
  }

  async closedWith(timeoutMs = 2_000): Promise<{ code: number; reason: string }> {
    await this.until(() => this.closed !== undefined, 'the socket to close', timeoutMs);
    return this.closed as { code: number; reason: string };
  }

  close(): void {
    this.socket.close();
  }

  private until(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (!done()) {
          this.waiters.push(check);
          return;
        }
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

const wsUrl = (hub: LiveHub, path: string) => `${hub.origin.replace(/^http/, 'ws')}${path}`;

/** A device socket, opened but not yet greeted. */
export function openDeviceSocket(hub: LiveHub): TestSocket {
  return new TestSocket(new WebSocket(wsUrl(hub, DEVICE_SOCKET_PATH)));
}

/** A device socket that has said hello and received its snapshot. */
export async function connectDevice(hub: LiveHub, deviceToken: string): Promise<TestSocket> {
  const device = openDeviceSocket(hub);
  await device.opened();
  device.send({ type: 'hello', deviceToken });
  await device.next('snapshot');
  return device;
}

export function openTeacherSocket(
  hub: LiveHub,
  session: Session | undefined,
  origin: string | null = hub.origin,
): TestSocket {
  const headers: Record<string, string> = {};
  if (session) headers.Cookie = session.cookie;
  if (origin !== null) headers.Origin = origin;
  return new TestSocket(new WebSocket(wsUrl(hub, TEACHER_SOCKET_PATH), { headers }));
}

/** Polls `read` until `accept` holds (sockets close asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 2_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
