// The hub side of the fan-out bench (test/bench/fan-out.ts): a real hub on 127.0.0.1 over a
// temporary SQLite file (WAL, synchronous FULL, as a school runs it), seeded with one class of
// `pupils` pupils, each with an enrolled device. It reports each device's lesson confirmation
// the moment the hub acts on it. Lives here because only the hub's own tests may reach its
// server code (eslint.config.js).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../hub/server/app';
import { openDatabase } from '../../hub/server/database';
import type { PresenceEvent } from '../../hub/server/device-presence';
import { serveHub } from '../../hub/server/hub-server';
import { migrateToLatest } from '../../hub/server/migrations';
import { hashPassword } from '../../hub/server/passwords';
import { createServices, type SocketStats } from '../../hub/server/services';
import { hashToken, newToken } from '../../hub/server/tokens';
import { FAST_SCRYPT } from './hub-fixture';

export interface FanOutHub {
  origin: string;
  classId: number;
  teacher: { username: string; password: string };
  devices: { id: number; token: string }[];
  /** Device sockets the hub holds after a good hello. */
  connections(): number;
  stats: SocketStats;
  /** Called with performance.now() when the hub handles a device's `lesson.enforcing`. */
  onConfirm(listener: (deviceId: number, lessonId: string, at: number) => void): void;
  close(): Promise<void>;
}

const CHUNK = 250;

export async function startFanOutHub(pupils: number): Promise<FanOutHub> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fan-out-hub-'));
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'hub.sqlite') });
  await migrateToLatest(db);
  const at = new Date().toISOString();
  const teacher = { username: 'bench-teacher', password: 'bench-password-1' };
  const devices: { id: number; token: string }[] = [];
  const classId = await db.transaction().execute(async (trx) => {
    const school = await trx
      .insertInto('schools')
      .values({ name: 'Bench Primary', enrolment_token: newToken(), created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({
        school_id: school.id,
        username: teacher.username,
        name: 'Bench Teacher',
        role: 'teacher',
        password_hash: await hashPassword(teacher.password, FAST_SCRYPT),
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await trx
      .insertInto('classes')
      .values({
        school_id: school.id,
        name: 'Year 6 Bench',
        key_stage: 'ks2',
        teacher_id: user.id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let first = 0; first < pupils; first += CHUNK) {
      const numbers = Array.from({ length: Math.min(CHUNK, pupils - first) }, (_, i) => first + i);
      const email = (n: number) => `pupil${n}@bench.school`;
      await trx
        .insertInto('pupils')
        .values(
          numbers.map((n) => ({
            school_id: school.id,
            class_id: created.id,
            name: `Pupil ${n}`,
            email: email(n),
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      const tokens = numbers.map(() => newToken());
      const rows = await trx
        .insertInto('devices')
        .values(
          numbers.map((n, i) => ({
            school_id: school.id,
            device_id: `bench-device-${n}`,
            email: email(n),
            token_hash: hashToken(tokens[i] as string),
            enrolled_at: at,
          })),
        )
        .returning('id')
        .execute();
      rows.forEach((row, i) => devices.push({ id: row.id, token: tokens[i] as string }));
    }
    return created.id;
  });

  const listeners: ((deviceId: number, lessonId: string, at: number) => void)[] = [];
  const options = {
    db,
    log: (message: string, error: unknown) => console.error(message, error),
    observe: (event: PresenceEvent) => {
      if (event.kind !== 'enforcing' || event.lessonId === null) return;
      const now = performance.now();
      for (const listener of listeners) listener(event.link.deviceId, event.lessonId, now);
    },
  };
  const services = createServices(options);
  const app = createApp(options, services);
  let served: ReturnType<typeof serveHub> | undefined;
  const info = await new Promise<AddressInfo>((resolve) => {
    served = serveHub(app, { hostname: '127.0.0.1', port: 0 }, resolve);
  });
  const server = served as ReturnType<typeof serveHub>;
  return {
    origin: `http://127.0.0.1:${info.port}`,
    classId,
    teacher,
    devices,
    connections: () => services.presence.connections,
    stats: services.socketStats,
    onConfirm: (listener) => listeners.push(listener),
    close: async () => {
      await server.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
