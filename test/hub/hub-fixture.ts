// A hub on a fresh in-memory SQLite database with a small known school, a clock the test
// moves, and helpers that call the app the way a browser or a device would.
import { createApp, type HubApp } from '../../hub/server/app';
import { openDatabase, type HubDb } from '../../hub/server/database';
import type { HubLimits } from '../../hub/server/limits';
import { migrateToLatest } from '../../hub/server/migrations';
import { hashPassword, type ScryptParams } from '../../hub/server/passwords';
import type { Role } from '../../hub/server/roles';
import { createServices, type HubServices } from '../../hub/server/services';

/** Cheap enough for dozens of logins a test; real hashes use DEFAULT_SCRYPT. */
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const ENROLMENT_TOKEN = 'test-enrolment-token-0123456789';

export const USERS = {
  ada: { role: 'teacher', name: 'Ada Teacher', password: 'ada-password-1' },
  bob: { role: 'teacher', name: 'Bob Teacher', password: 'bob-password-1' },
  dina: { role: 'dsl', name: 'Dina Safeguarding', password: 'dina-password-1' },
  ali: { role: 'admin', name: 'Ali Admin', password: 'ali-password-1' },
} as const satisfies Record<string, { role: Role; name: string; password: string }>;
export type Username = keyof typeof USERS;

export interface TestHub {
  app: HubApp;
  db: HubDb;
  /** What the app was built from: its counters, presence and live feed. */
  services: HubServices;
  advance(ms: number): void;
  userIds: Record<Username, number>;
  /** Year 2 Robins (KS1, Ada's) and Year 6 Hawks (KS2, Bob's). */
  classIds: { robins: number; hawks: number };
}

export async function createTestHub(limits: Partial<HubLimits> = {}): Promise<TestHub> {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  let now = new Date('2026-03-02T09:00:00.000Z');
  const at = now.toISOString();
  const school = await db
    .insertInto('schools')
    .values({ name: 'Test Primary', enrolment_token: ENROLMENT_TOKEN, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const userIds = {} as Record<Username, number>;
  for (const [username, user] of Object.entries(USERS) as [Username, (typeof USERS)[Username]][]) {
    const row = await db
      .insertInto('users')
      .values({
        school_id: school.id,
        username,
        name: user.name,
        role: user.role,
        password_hash: await hashPassword(user.password, FAST_SCRYPT),
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds[username] = row.id;
  }
  const addClass = async (name: string, keyStage: 'ks1' | 'ks2', teacher: Username) => {
    const row = await db
      .insertInto('classes')
      .values({
        school_id: school.id,
        name,
        key_stage: keyStage,
        teacher_id: userIds[teacher],
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const classIds = {
    robins: await addClass('Year 2 Robins', 'ks1', 'ada'),
    hawks: await addClass('Year 6 Hawks', 'ks2', 'bob'),
  };
  await db
    .insertInto('pupils')
    .values([
      {
        school_id: school.id,
        class_id: classIds.robins,
        name: 'Amy Robin',
        email: 'amy@test.school',
        created_at: at,
        updated_at: at,
      },
      {
        school_id: school.id,
        class_id: classIds.hawks,
        name: 'Hal Hawk',
        email: 'hal@test.school',
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  const options = { db, now: () => now, limits, passwordParams: FAST_SCRYPT, log: () => {} };
  const services = createServices(options);
  const app = createApp(options, services);
  return {
    app,
    db,
    services,
    advance: (ms) => (now = new Date(now.getTime() + ms)),
    userIds,
    classIds,
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface CallOptions {
  json?: unknown;
  /** A raw body, sent with `contentType`. */
  body?: string;
  contentType?: string;
  session?: Session;
  /** The session's token is sent on changes unless this says otherwise. */
  csrf?: string | false;
  bearer?: string;
  /** The client address, as @hono/node-server would report it. */
  address?: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(
  app: HubApp,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers = new Headers();
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set('Content-Type', 'application/json');
  }
  if (options.contentType) headers.set('Content-Type', options.contentType);
  if (options.session) {
    headers.set('Cookie', options.session.cookie);
    const csrf = options.csrf ?? options.session.csrfToken;
    if (csrf !== false && method !== 'GET') headers.set('X-CSRF-Token', csrf);
  }
  if (options.bearer) headers.set('Authorization', `Bearer ${options.bearer}`);
  const env = { incoming: { socket: { remoteAddress: options.address ?? '192.0.2.1' } } };
  const response = await app.request(path, { method, headers, body }, env as never);
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

export async function login(app: HubApp, username: Username): Promise<Session> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: USERS[username].password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username}: ${response.status}`);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export async function enrol(app: HubApp, email: string, deviceId = 'device-0001'): Promise<string> {
  const answer = await call(app, 'POST', '/api/device/enrol', {
    json: { enrolmentToken: ENROLMENT_TOKEN, email, deviceId },
  });
  if (answer.status !== 200) throw new Error(`enrol ${email}: ${answer.status}`);
  return answer.body.deviceToken as string;
}
