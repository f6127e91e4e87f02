import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HubDb } from '../../hub/server/database';
import { migrateToLatest } from '../../hub/server/migrations';
import { verifyPassword } from '../../hub/server/passwords';
import { keywordsFor } from '../../hub/server/keywords';
import { DEMO_SCHOOL, seedDemoSchool } from '../../hub/server/seed-demo';
import { STARTER_KEYWORDS } from '../../hub/server/starter-keywords';
import { keywordListSchema } from '../../shared/flag';
import { FAST_SCRYPT } from './hub-fixture';

describe('the demo school', () => {
  let db: HubDb;
  const now = new Date('2026-03-02T08:00:00.000Z');
  beforeEach(async () => {
    db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
  });

  it('is created once, with a teacher, a DSL and an admin whose random passwords verify', async () => {
    const demo = await seedDemoSchool(db, { now, passwordParams: FAST_SCRYPT });
    expect(demo?.logins.map((login) => [login.username, login.role])).toEqual([
      ['teacher', 'teacher'],
      ['dsl', 'dsl'],
      ['admin', 'admin'],
    ]);
    const users = await db.selectFrom('users').select(['username', 'password_hash']).execute();
    for (const login of demo?.logins ?? []) {
      expect(login.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const stored = users.find((user) => user.username === login.username)?.password_hash ?? '';
      expect(stored).not.toContain(login.password);
      expect(await verifyPassword(login.password, stored)).toBe(true);
    }
    expect(await seedDemoSchool(db, { now, passwordParams: FAST_SCRYPT })).toBeNull();
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(3);
  });

  it('has a KS1 and a KS2 class of clearly demo pupils', async () => {
    await seedDemoSchool(db, { now, passwordParams: FAST_SCRYPT });
    const school = await db.selectFrom('schools').select('name').executeTakeFirst();
    expect(school?.name).toBe(DEMO_SCHOOL);
    const classes = await db
      .selectFrom('classes')
      .select(['name', 'key_stage'])
      .orderBy('name')
      .execute();
    expect(classes).toEqual([
      { name: 'Year 1 Owls', key_stage: 'ks1' },
      { name: 'Year 5 Kestrels', key_stage: 'ks2' },
    ]);
    const pupils = await db.selectFrom('pupils').select(['name', 'email']).execute();
    expect(pupils.length).toBeGreaterThan(0);
    for (const pupil of pupils) {
      expect(pupil.name).toMatch(/ Demo$/);
      expect(pupil.email).toMatch(/\.demo@demo\.school$/);
    }
  });

  it('starts with a short, valid keyword list that no user wrote', async () => {
    const demo = await seedDemoSchool(db, { now, passwordParams: FAST_SCRYPT });
    expect(demo).not.toBeNull();
    const school = await db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
    const keywords = await keywordsFor(db, school.id);
    expect(keywordListSchema.parse(keywords)).toEqual(keywords);
    expect(keywords).toHaveLength(STARTER_KEYWORDS.length);
    expect(keywords).toEqual(expect.arrayContaining(['suicide', 'self harm', 'grooming']));
    // Words KS2 history topics use every day would flood the DSL with homework.
    expect(keywords).not.toContain('isis');
    const row = await db.selectFrom('school_keywords').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ updated_by: null, updated_at: now.toISOString() });
  });

  it('gives a school that exists already no keyword list', async () => {
    await db
      .insertInto('schools')
      .values({ name: 'Real Primary', enrolment_token: 'real-token-0123456789', created_at: 'x' })
      .execute();
    expect(await seedDemoSchool(db, { now, passwordParams: FAST_SCRYPT })).toBeNull();
    expect(await db.selectFrom('school_keywords').selectAll().execute()).toEqual([]);
  });

  it('uses the enrolment token it is given, or makes a random one', async () => {
    const given = await seedDemoSchool(db, {
      now,
      passwordParams: FAST_SCRYPT,
      enrolmentToken: 'given-token-0123456789',
    });
    expect(given?.enrolmentToken).toBe('given-token-0123456789');
    const other = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(other);
    const made = await seedDemoSchool(other, { now, passwordParams: FAST_SCRYPT });
    expect(made?.enrolmentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await other.destroy();
  });
});
