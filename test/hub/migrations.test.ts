import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HubDb } from '../../hub/server/database';
import { MIGRATIONS, migrateToLatest } from '../../hub/server/migrations';

const tables = async (db: HubDb) =>
  (
    await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
  ).rows.map((row) => row.name);

describe('migrations', () => {
  let db: HubDb | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
    db = dir = undefined;
  });

  it('build every table on an empty database and record each migration', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    expect(await tables(db)).toEqual([]);
    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
    expect(await tables(db)).toEqual(
      expect.arrayContaining([
        'schools',
        'users',
        'sessions',
        'classes',
        'pupils',
        'devices',
        'lessons',
        'visit_requests',
        'grants',
        'change_requests',
        'school_sites',
        'change_log',
        'flags',
        'flag_events',
        'keyword_alerts',
        'school_keywords',
        'pupil_events',
        'retention_settings',
        'retention_sweeps',
        'erasures',
      ]),
    );
    const recorded = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db);
    expect(recorded.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS));
  });

  it('are idempotent: a second run applies nothing and keeps the data', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await db
      .insertInto('schools')
      .values({ name: 'Kept Primary', enrolment_token: 'kept-token-0123456789', created_at: 'x' })
      .execute();
    expect(await migrateToLatest(db)).toEqual([]);
    const schools = await db.selectFrom('schools').select('name').execute();
    expect(schools).toEqual([{ name: 'Kept Primary' }]);
  });

  it('are named so that they sort in the order they must run', () => {
    const names = Object.keys(MIGRATIONS);
    expect([...names].sort()).toEqual(names);
    // Numbered from 0001 with no gap and no repeat, so a missing or doubled migration shows.
    const numbers = names.map((name) => Number(/^(\d{4})_[a-z0-9_]+$/.exec(name)?.[1]));
    expect(numbers).toEqual(names.map((_, index) => index + 1));
  });

  it('let the database refuse a key stage other than ks1 or ks2', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    const insert = sql`insert into classes (school_id, name, key_stage, teacher_id, created_at)
      values (1, 'x', 'ks3', 1, 'x')`.execute(db);
    await expect(insert).rejects.toThrow(/CHECK constraint failed|FOREIGN KEY/);
  });

  it('let the database hold one open lesson per class, and only focus or add', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
      db,
    );
    await sql`insert into users (school_id, username, name, role, password_hash, created_at)
      values (1, 'u', 'U', 'teacher', 'h', 'x')`.execute(db);
    await sql`insert into classes (school_id, name, key_stage, teacher_id, created_at)
      values (1, 'c', 'ks1', 1, 'x')`.execute(db);
    const lesson = (id: string, mode: string, endedAt: string | null) =>
      sql`insert into lessons (id, class_id, name, mode, sites, starts_at, ends_at, started_by, ended_at)
        values (${id}, 1, 'L', ${mode}, '[]', '2026-01-01T09:00', '2026-01-01T10:00', 1, ${endedAt})`.execute(
        db as HubDb,
      );
    await lesson('a', 'focus', '2026-01-01T09:30');
    await lesson('b', 'add', null);
    await expect(lesson('c', 'focus', null)).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(lesson('d', 'lockdown', '2026-01-01T09:30')).rejects.toThrow(
      /CHECK constraint failed/,
    );
  });

  it('let the database hold one pending change request per site, and each school site once', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
      db,
    );
    await sql`insert into users (school_id, username, name, role, password_hash, created_at)
      values (1, 'u', 'U', 'admin', 'h', 'x')`.execute(db);
    const ask = (site: string, status: string) =>
      sql`insert into change_requests (school_id, key_stage, site, reason, asked_by, asked_at, status)
        values (1, 'ks1', ${site}, 'r', 1, 'x', ${status})`.execute(db as HubDb);
    await ask('bbc.co.uk', 'rejected');
    await ask('bbc.co.uk', 'rejected');
    await ask('bbc.co.uk', 'pending');
    await expect(ask('bbc.co.uk', 'pending')).rejects.toThrow(/UNIQUE constraint failed/);
    await ask('=www.bbc.co.uk', 'pending');
    await expect(ask('x.org', 'maybe')).rejects.toThrow(/CHECK constraint failed/);
    const list = (site: string, keyStage: string) =>
      sql`insert into school_sites (school_id, key_stage, site, reason, asked_by, approved_by, approved_at)
        values (1, ${keyStage}, ${site}, 'r', 1, 1, 'x')`.execute(db as HubDb);
    await list('bbc.co.uk', 'ks1');
    await list('bbc.co.uk', 'ks2');
    await expect(list('bbc.co.uk', 'ks1')).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(list('bbc.co.uk', 'ks3')).rejects.toThrow(/CHECK constraint failed/);
  });

  it('let the database refuse a grant whose scope does not match what it names', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
      db,
    );
    await sql`insert into users (school_id, username, name, role, password_hash, created_at)
      values (1, 'u', 'U', 'teacher', 'h', 'x')`.execute(db);
    await sql`insert into classes (school_id, name, key_stage, teacher_id, created_at)
      values (1, 'c', 'ks1', 1, 'x')`.execute(db);
    await sql`insert into devices (school_id, device_id, email, token_hash, enrolled_at)
      values (1, 'd', 'e@x', 'h', 'x')`.execute(db);
    for (const requestId of ['a', 'b', 'c', 'd']) {
      await sql`insert into visit_requests (id, device_id, url, reason, created_at, received_at, status)
        values (${requestId}, 1, 'https://x.org/', '', 'x', 'x', 'allowed')`.execute(db);
    }
    const grant = (
      requestId: string,
      scope: string,
      deviceId: number | null,
      classId: number | null,
    ) =>
      sql`insert into grants (request_id, scope, device_id, class_id, site, until, created_at)
        values (${requestId}, ${scope}, ${deviceId}, ${classId}, '=x.org', 'x', 'x')`.execute(
        db as HubDb,
      );
    await grant('a', 'pupil', 1, null);
    await grant('b', 'class', null, 1);
    await expect(grant('c', 'class', 1, 1)).rejects.toThrow(/CHECK constraint failed/);
    await expect(grant('c', 'pupil', null, null)).rejects.toThrow(/CHECK constraint failed/);
    await expect(grant('a', 'pupil', 1, null)).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it('let the database hold one flag per id, with only known reasons, sources and statuses', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
      db,
    );
    await sql`insert into devices (school_id, device_id, email, token_hash, enrolled_at)
      values (1, 'd', 'e@x', 'h', 'x')`.execute(db);
    const flag = (id: string, reason: string | null, source: string, status: string) =>
      sql`insert into flags (id, school_id, device_id, url, title, reason, note, source, created_at,
          received_at, status)
        values (${id}, 1, 1, 'https://x.org/', 't', ${reason}, '', ${source}, 'x', 'x', ${status})`.execute(
        db as HubDb,
      );
    await flag('a', null, 'popup', 'open');
    await flag('b', 'contact', 'block-page', 'escalated');
    await expect(flag('a', null, 'popup', 'open')).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(flag('c', 'bored', 'popup', 'open')).rejects.toThrow(/CHECK constraint failed/);
    await expect(flag('c', null, 'email', 'open')).rejects.toThrow(/CHECK constraint failed/);
    await expect(flag('c', null, 'popup', 'deleted')).rejects.toThrow(/CHECK constraint failed/);
    await expect(
      sql`insert into flag_events (flag_id, at, user_id, action, note)
        values ('zzz', 'x', 1, 'acknowledged', '')`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
    const alert = (id: string, foundIn: string) =>
      sql`insert into keyword_alerts (id, school_id, device_id, keyword, found_in, url, created_at,
          received_at)
        values (${id}, 1, 1, 'kw', ${foundIn}, 'https://x.org/', 'x', 'x')`.execute(db as HubDb);
    await alert('a', 'search');
    await expect(alert('a', 'title')).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(alert('b', 'page')).rejects.toThrow(/CHECK constraint failed/);
  });

  it('give earlier visit answers in the change log the asking pupil and device', async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo('0007_flags_keywords')).error).toBeUndefined();
    await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
      db,
    );
    await sql`insert into users (school_id, username, name, role, password_hash, created_at)
      values (1, 'u', 'U', 'teacher', 'h', 'x')`.execute(db);
    await sql`insert into classes (school_id, name, key_stage, teacher_id, created_at)
      values (1, 'c', 'ks1', 1, 'x')`.execute(db);
    await sql`insert into pupils (school_id, class_id, name, email, created_at, updated_at)
      values (1, 1, 'Amy', 'amy@x', 'x', 'x')`.execute(db);
    await sql`insert into devices (school_id, device_id, email, token_hash, enrolled_at)
      values (1, 'd1', 'amy@x', 'h1', 'x'), (1, 'd2', 'stray@x', 'h2', 'x')`.execute(db);
    await sql`insert into visit_requests (id, device_id, pupil_id, class_id, url, reason, created_at,
        received_at, status, answered_by, answered_at)
      values ('a', 1, 1, 1, 'https://x.org/', 'project', 'x', 'x', 'allowed', 1, '2026-03-02T09:00:00Z'),
        ('b', 2, null, null, 'https://y.org/', 'stray', 'x', 'x', 'denied', 1, '2026-03-02T09:01:00Z')`.execute(
      db,
    );
    await sql`insert into change_log (school_id, at, action, summary, class_id, asked_by, approved_by, reason)
      values (1, '2026-03-02T09:00:00Z', 'visit.allowed', 's', 1, 'Amy', 'U', 'project'),
        (1, '2026-03-02T09:01:00Z', 'visit.denied', 's', null, 'stray@x', 'U', 'stray'),
        (1, '2026-03-02T09:00:00Z', 'lesson.started', 's', 1, 'U', null, 'project')`.execute(db);
    await migrateToLatest(db);
    const rows = await db
      .selectFrom('change_log')
      .select(['action', 'pupil_id', 'device_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'visit.allowed', pupil_id: 1, device_id: 1 },
      { action: 'visit.denied', pupil_id: null, device_id: 2 },
      { action: 'lesson.started', pupil_id: null, device_id: null },
    ]);
  });

  it('run on a file database in WAL mode with foreign keys on', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-db-'));
    db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'hub.sqlite') });
    await migrateToLatest(db);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(keys.rows[0]?.foreign_keys).toBe(1);
  });
});

describe('the download requests migration', () => {
  it('keeps every earlier request as a visit, and refuses a kind it does not know', async () => {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      const { error } = await migrator.migrateTo('0007_flags_keywords');
      expect(error).toBeUndefined();
      await sql`insert into schools (name, enrolment_token, created_at) values ('s', 't', 'x')`.execute(
        db,
      );
      await sql`insert into devices (school_id, device_id, email, token_hash, enrolled_at)
        values (1, 'd', 'a@s', 'h', 'x')`.execute(db);
      const request = (id: string, kind?: string) =>
        kind === undefined
          ? sql`insert into visit_requests (id, device_id, url, reason, created_at, received_at, status)
              values (${id}, 1, 'https://a.example/', '', 'x', 'x', 'pending')`.execute(db)
          : sql`insert into visit_requests (id, device_id, url, reason, created_at, received_at, status, kind, file_name)
              values (${id}, 1, 'https://a.example/a.mp3', '', 'x', 'x', 'pending', ${kind}, 'a.mp3')`.execute(
              db,
            );
      await request('before');
      await migrateToLatest(db);
      await request('download', 'download');
      await expect(request('install', 'install')).rejects.toThrow(/CHECK constraint failed/);
      const rows = await db
        .selectFrom('visit_requests')
        .select(['id', 'kind', 'file_name'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'before', kind: 'visit', file_name: null },
        { id: 'download', kind: 'download', file_name: 'a.mp3' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
