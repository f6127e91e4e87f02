// Lesson fan-out bench: how long a whole class takes to be told of a lesson and confirm it. A hub
// on 127.0.0.1 (temporary SQLite file) holds 1,000 device WebSockets of one class, plus one
// teacher socket watching the class as a dashboard would. Each of 20 rounds starts a lesson over
// the HTTP API; each simulated device answers `lesson.start` with `lesson.enforcing` at once (a
// real device first installs the rules, which this leaves out). A sample is one device's time
// from the start request being sent to its confirmation being handled by the hub.
// The devices run in this same Node process as the hub, so their work is in the figures too.
//   npx tsx test/bench/fan-out.ts
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { DEVICE_SOCKET_PATH, type HubToDevice } from '../../shared/hub-protocol';
import { startFanOutHub, type FanOutHub } from '../hub/fan-out-hub';
import { quantile } from './stats';
import { formatInt, formatMs, formatTable } from './table';

const DEVICES = 1_000;
const LESSONS = 20;
/** Sockets opened at once while connecting, well inside the listen backlog. */
const CONNECT_BATCH = 100;
const CONNECT_TIMEOUT_MS = 30_000;
/** A round whose confirmations aren't all in by then counts the rest as dropped. */
const ROUND_TIMEOUT_MS = 10_000;
/** Between rounds, so the teacher's throttled live update of the last round has gone. */
const SETTLE_MS = 250;
export const FAN_OUT_AIM_P99_MS = 250;

const LESSON_SITES = [
  'bbc.co.uk',
  'https://www.bbc.co.uk/bitesize/',
  '=www.natgeokids.com',
  'scratch.mit.edu',
  'https://kids.britannica.com/kids/',
  'www.topmarks.co.uk',
];

interface Counters {
  /** Device sockets that closed before the bench ended them. */
  socketsLost: number;
  liveUpdates: number;
}

const socketUrl = (hub: FanOutHub, path: string) => `${hub.origin.replace(/^http/, 'ws')}${path}`;

/** A simulated device: hello, answer pings, confirm every lesson the moment it arrives. */
function connectDevice(hub: FanOutHub, token: string, counters: Counters): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrl(hub, DEVICE_SOCKET_PATH));
    let ready = false;
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('A device socket did not get its snapshot in time.'));
    }, CONNECT_TIMEOUT_MS);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', deviceToken: token })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as HubToDevice;
      if (message.type === 'lesson.start') {
        const lessonId = message.lesson.id;
        socket.send(JSON.stringify({ type: 'lesson.enforcing', lessonId, policyHash: 'bench' }));
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'snapshot' && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve(socket);
      }
    });
    socket.on('error', (error) => {
      if (!ready) reject(error);
    });
    socket.on('close', () => {
      if (ready) counters.socketsLost += 1;
    });
  });
}

async function loginTeacher(hub: FanOutHub): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${hub.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(hub.teacher),
  });
  if (response.status !== 200) throw new Error(`The bench teacher could not log in.`);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The teacher's dashboard: watches the class, so every round also builds live views. */
function watchAsTeacher(
  hub: FanOutHub,
  login: { cookie: string; csrfToken: string },
  counters: Counters,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrl(hub, '/api/teacher/ws'), {
      headers: { Cookie: login.cookie, Origin: hub.origin },
    });
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'hello', csrfToken: login.csrfToken })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'ready') {
        socket.send(JSON.stringify({ type: 'watch', classId: hub.classId }));
      } else if (message.type === 'live') {
        counters.liveUpdates += 1;
        resolve(socket);
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('The teacher socket did not start.')), 5_000).unref();
  });
}

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await sleep(2);
  }
  return true;
}

export async function fanOutBench(): Promise<string[]> {
  const hub = await startFanOutHub(DEVICES);
  const counters: Counters = { socketsLost: 0, liveUpdates: 0 };
  const sockets: WebSocket[] = [];
  // lessonId → deviceId → when the hub handled the device's first confirmation of it.
  const confirmations = new Map<string, Map<number, number>>();
  hub.onConfirm((deviceId, lessonId, at) => {
    const byDevice = confirmations.get(lessonId) ?? new Map<number, number>();
    confirmations.set(lessonId, byDevice);
    if (!byDevice.has(deviceId)) byDevice.set(deviceId, at);
  });
  try {
    const connectStarted = performance.now();
    for (let first = 0; first < hub.devices.length; first += CONNECT_BATCH) {
      const batch = hub.devices.slice(first, first + CONNECT_BATCH);
      sockets.push(
        ...(await Promise.all(batch.map((device) => connectDevice(hub, device.token, counters)))),
      );
    }
    const connectMs = performance.now() - connectStarted;
    const login = await loginTeacher(hub);
    sockets.push(await watchAsTeacher(hub, login, counters));
    const liveBefore = counters.liveUpdates;

    const samples: number[] = [];
    const answeredMs: number[] = [];
    const wholeClassMs: number[] = [];
    let dropped = 0;
    for (let round = 0; round < LESSONS; round++) {
      const sentAt = performance.now();
      const response = await fetch(`${hub.origin}/api/classes/${hub.classId}/lessons`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: login.cookie,
          'X-CSRF-Token': login.csrfToken,
        },
        body: JSON.stringify({
          name: `Bench lesson ${round + 1}`,
          mode: 'focus',
          sites: LESSON_SITES,
          minutes: 60,
        }),
      });
      answeredMs.push(performance.now() - sentAt);
      if (response.status !== 201) {
        throw new Error(`Starting a lesson answered ${response.status}: ${await response.text()}`);
      }
      const { lesson } = (await response.json()) as { lesson: { id: string } };
      const confirmed = () => confirmations.get(lesson.id)?.size ?? 0;
      await until(() => confirmed() >= DEVICES, ROUND_TIMEOUT_MS);
      const times = [...(confirmations.get(lesson.id)?.values() ?? [])].map((at) => at - sentAt);
      samples.push(...times);
      wholeClassMs.push(times.length === DEVICES ? Math.max(...times) : Number.NaN);
      dropped += DEVICES - times.length;
      await sleep(SETTLE_MS);
    }

    const p99 = quantile(samples, 0.99);
    const row = (label: string, values: number[], aim = '') => [
      label,
      formatInt(values.length),
      formatMs(quantile(values, 0.5)),
      formatMs(quantile(values, 0.99)),
      formatMs(values.length ? Math.max(...values) : Number.NaN),
      aim,
    ];
    const table = formatTable(
      [
        ['lesson fan-out (ms)', 'n', 'p50', 'p99', 'max', 'aim'],
        row(
          'start request → each confirmation at hub',
          samples,
          `p99 ≤ ${FAN_OUT_AIM_P99_MS} ${p99 <= FAN_OUT_AIM_P99_MS ? 'met' : 'MISSED'}`,
        ),
        row('  start request → 201 answer', answeredMs),
        row('  start request → whole class confirmed', wholeClassMs),
      ],
      ['left', 'right', 'right', 'right', 'right', 'left'],
    );
    const open = sockets.filter((socket) => socket.readyState === WebSocket.OPEN).length - 1;
    return [
      `Lesson fan-out: ${formatInt(DEVICES)} device WebSockets in one class and a teacher watching, ` +
        `${LESSONS} lessons started over HTTP, hub and devices in one Node process on 127.0.0.1`,
      ...table.split('\n'),
      `  connections open at the end: ${formatInt(open)} of ${formatInt(DEVICES)} ` +
        `(hub holds ${formatInt(hub.connections())}); dropped: ${formatInt(dropped)} confirmations, ` +
        `${formatInt(counters.socketsLost)} sockets; ignored messages: ${hub.stats.ignoredMessages}`,
      `  connecting ${formatInt(DEVICES)} sockets (hello → snapshot): ${formatMs(connectMs)} ms; ` +
        `teacher live updates during the rounds: ${formatInt(counters.liveUpdates - liveBefore)}`,
    ];
  } finally {
    for (const socket of sockets) socket.terminate();
    await hub.close();
  }
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  fanOutBench().then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error('FAIL: the fan-out bench could not run:', error);
      process.exitCode = 1;
    },
  );
}
