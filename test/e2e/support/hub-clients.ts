// What else talks to a test's hub besides the dashboard: a teacher's API session (for set-up
// such as a roster upload) and a pupil's device on the device WebSocket.
import WebSocket from 'ws';
import {
  DEVICE_SOCKET_PATH,
  hubToDeviceSchema,
  type DeviceToHub,
  type HubToDevice,
} from '../../../shared/hub-protocol';
import { ENROLMENT_TOKEN } from './hub-process';

export interface ApiSession {
  call(method: string, path: string, body?: string, contentType?: string): Promise<Response>;
}

export async function apiLogin(
  url: string,
  username: string,
  password: string,
): Promise<ApiSession> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username}: ${login.status}`);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    call: (method, path, body, contentType = 'application/json') =>
      fetch(`${url}${path}`, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': contentType },
        body,
      }),
  };
}

export interface FakeDevice {
  /** The device token the hub gave at enrolment, for the device's HTTP calls. */
  token: string;
  /** Every message the hub has sent, oldest first. */
  received: HubToDevice[];
  send(message: DeviceToHub): void;
  /** Resolves with the first message (already received or still to come) that matches. */
  next<T extends HubToDevice['type']>(type: T): Promise<Extract<HubToDevice, { type: T }>>;
  /** Resolves with the first message (already received or still to come) that passes `test`. */
  waitFor(test: (message: HubToDevice) => boolean): Promise<HubToDevice>;
  close(): void;
}

/** Enrols a device for `email` and opens its socket; resolves once the hub sent the snapshot. */
export async function connectDevice(
  url: string,
  email: string,
  deviceId: string,
): Promise<FakeDevice> {
  const enrol = await fetch(`${url}/api/device/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ enrolmentToken: ENROLMENT_TOKEN, email, deviceId }),
  });
  if (!enrol.ok) throw new Error(`enrol ${email}: ${enrol.status} ${await enrol.text()}`);
  const { deviceToken } = (await enrol.json()) as { deviceToken: string };

  const socket = new WebSocket(url.replace(/^http/, 'ws') + DEVICE_SOCKET_PATH);
  const received: HubToDevice[] = [];
  const waiting: (() => void)[] = [];
  socket.on('message', (data) => {
    const message = hubToDeviceSchema.parse(JSON.parse(String(data)));
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    received.push(message);
    for (const wake of waiting.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', deviceToken }));

  const waitFor = (test: (message: HubToDevice) => boolean) =>
    new Promise<HubToDevice>((resolve) => {
      const look = () => {
        const found = received.find(test);
        if (found) resolve(found);
        else waiting.push(look);
      };
      look();
    });
  const device: FakeDevice = {
    token: deviceToken,
    received,
    send: (message) => socket.send(JSON.stringify(message)),
    next: async (type) =>
      (await waitFor((message) => message.type === type)) as Extract<
        HubToDevice,
        { type: typeof type }
      >,
    waitFor,
    close: () => socket.close(),
  };
  await device.next('snapshot');
  return device;
}
