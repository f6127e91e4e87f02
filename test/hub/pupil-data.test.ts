// One pupil's data for the admin: finding them, the subject-access export (JSON and one CSV) with
// everything held about them and nothing about anyone else, and erasure: everything goes but a
// flag under an open safeguarding case (with the device that names it, its token revoked), the
// change log keeps the change but not the pupil, the erasure is logged, and erasing again is a
// clear answer; once the DSL closes the case, erasing again removes the rest.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';
import { uuid } from './flag-fixture';
import { call, enrol, login, type Session } from './hub-fixture';
import { withPupilRecords, type PupilRecords } from './pupil-records';

let r: PupilRecords;
beforeEach(async () => {
  r = await withPupilRecords();
});

const get = (path: string, session: Session = r.ali) => call(r.hub.app, 'GET', path, { session });
const erase = (id: number, json: unknown = { reason: 'Left the school in July' }) =>
  call(r.hub.app, 'POST', `/api/pupils/${id}/erase`, { session: r.ali, json });

interface Section {
  type: string;
  label: string;
  rows: Record<string, string | number | null>[];
}
const sections = (body: Record<string, unknown>) =>
  Object.fromEntries((body.records as Section[]).map((section) => [section.type, section.rows]));

/** Adds a second school with a pupil of the same email as Amy. */
async function otherSchool() {
  const { db } = r.hub;
  const at = '2026-03-02T09:00:00.000Z';
  const school = await db
    .insertInto('schools')
    .values({ name: 'Other Primary', enrolment_token: 'other-token-0123456789', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      school_id: school.id,
      username: 'otto',
      name: 'Otto Other',
      role: 'teacher',
      password_hash: 'x',
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const room = await db
    .insertInto('classes')
    .values({
      school_id: school.id,
      name: 'Owls',
      key_stage: 'ks1',
      teacher_id: user.id,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pupil = await db
    .insertInto('pupils')
    .values({
      school_id: school.id,
      class_id: room.id,
      name: 'Amy Elsewhere',
      email: 'amy@test.school',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('devices')
    .values({
      school_id: school.id,
      device_id: 'chromebook-amy',
      email: 'amy@test.school',
      token_hash: 'other-school-hash',
      enrolled_at: at,
    })
    .execute();
  return pupil.id;
}

describe('finding a pupil', () => {
  it('finds pupils of the school by part of the name or email, any case', async () => {
    const found = await get('/api/pupils?q=AMY');
    expect(found).toMatchObject({
      status: 200,
      body: {
        pupils: [
          {
            id: r.pupilIds.amy,
            name: 'Amy Robin',
            email: 'amy@test.school',
            class: { id: r.hub.classIds.robins, name: 'Year 2 Robins' },
          },
        ],
      },
    });
    expect((await get('/api/pupils?q=test.school')).body.pupils).toHaveLength(2);
    // LIKE's wildcards typed by the admin match only themselves.
    expect((await get('/api/pupils?q=%25%25')).body.pupils).toEqual([]);
    await otherSchool();
    expect((await get('/api/pupils?q=amy')).body.pupils).toHaveLength(1);
  });

  it('refuses a search too short, and anyone but the admin', async () => {
    expect(await get('/api/pupils?q=a')).toMatchObject({
      status: 400,
      body: { error: 'q: give at least 2 characters of a name or email' },
    });
    for (const session of [r.ada, r.dina]) {
      expect(await get('/api/pupils?q=amy', session)).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
  });
});

describe('the subject-access export', () => {
  it('holds everything about the pupil, as JSON, and nothing about anyone else', async () => {
    const answer = await get(`/api/pupils/${r.pupilIds.amy}/data.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Disposition')).toBe(
      `attachment; filename="pupil-${r.pupilIds.amy}-data-2026-03-02.json"`,
    );
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(answer.body.pupil).toEqual({
      id: r.pupilIds.amy,
      name: 'Amy Robin',
      email: 'amy@test.school',
      class: 'Year 2 Robins',
    });
    const data = sections(answer.body);
    expect(Object.keys(data)).toEqual([
      'flag_events',
      'flags',
      'keyword_alerts',
      'pupil_events',
      'protection_alerts',
      'device_health',
      'filtering_records',
      'grants',
      'visit_requests',
      'lessons',
      'change_log',
      'devices',
      'pupils',
    ]);
    expect(data.pupils).toEqual([
      {
        id: r.pupilIds.amy,
        name: 'Amy Robin',
        email: 'amy@test.school',
        class_id: 'Year 2 Robins',
        created_at: '2026-03-02T09:00:00.000Z',
        updated_at: '2026-03-02T09:00:00.000Z',
      },
    ]);
    // Both of Amy's devices; never a token's hash.
    expect(data.devices?.map((row) => row.device_id)).toEqual(['chromebook-amy', 'tablet-amy']);
    expect(Object.keys(data.devices?.[0] ?? {})).toEqual([
      'id',
      'device_id',
      'email',
      'enrolled_at',
    ]);
    expect(data.visit_requests?.map((row) => [row.id, row.status, row.answered_by])).toEqual([
      [uuid(1), 'allowed', 'Ada Teacher'],
      [uuid(2), 'denied', 'Ada Teacher'],
    ]);
    expect(data.grants).toEqual([
      expect.objectContaining({ request_id: uuid(1), scope: 'pupil', lesson_id: r.lessonId }),
    ]);
    expect(data.lessons).toEqual([expect.objectContaining({ id: r.lessonId, name: 'Volcanoes' })]);
    expect(data.flags?.map((row) => [row.id, row.status, row.handled_by])).toEqual([
      [uuid(1), 'open', null],
      [uuid(2), 'closed', 'Dina Safeguarding'],
    ]);
    // The screenshot is described, never copied out: only the DSL may open it.
    expect(data.flags?.[0]?.screenshot).toBe(
      `Held on the hub; only the DSL can open it, at /api/flags/${uuid(1)}/screenshot`,
    );
    expect(data.flag_events?.map((row) => [row.flag_id, row.action, row.user_id])).toEqual([
      [uuid(2), 'acknowledged', 'Ada Teacher'],
      [uuid(2), 'closed', 'Dina Safeguarding'],
    ]);
    expect(data.keyword_alerts?.map((row) => row.id)).toEqual([uuid(11)]);
    // From both of Amy's devices, by type only, as the prompts recorded them.
    const at = '2026-03-02T09:00:00.000Z';
    expect(data.pupil_events).toEqual([
      {
        id: uuid(31),
        class_id: 'Year 2 Robins',
        kind: 'zip-it',
        detail: 'postcode',
        outcome: 'teacher-said-ok',
        site: 'chat.example.com',
        target: null,
        file_type: null,
        created_at: at,
        received_at: at,
      },
      {
        id: uuid(32),
        class_id: 'Year 2 Robins',
        kind: 'download',
        detail: 'program',
        outcome: 'blocked',
        site: 'games.example.net',
        target: null,
        file_type: '.exe',
        created_at: at,
        received_at: at,
      },
    ]);
    expect(data.change_log?.map((row) => [row.action, row.asked_by, row.reason])).toEqual([
      ['visit.allowed', 'Amy Robin', 'For my volcano project'],
      ['visit.denied', 'Amy Robin', 'I want to play'],
    ]);
    const text = JSON.stringify(answer.body);
    const others = ['Hal', 'hal@', uuid(3), uuid(4), uuid(12), uuid(33), uuid(34), 'hal.example'];
    for (const other of [...others, 'new@test.school', 'data:']) {
      expect([other, text.includes(other)]).toEqual([other, false]);
    }
  });

  it('is one CSV with a row per field, a record type column, and formulas made text', async () => {
    const response = await r.hub.app.request(`/api/pupils/${r.pupilIds.amy}/data.csv`, {
      headers: { Cookie: r.ali.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="pupil-${r.pupilIds.amy}-data-2026-03-02.csv"`,
    );
    const parsed = parseCsv(await response.text());
    if (!parsed.ok) throw new Error(parsed.reason);
    const [header, ...rows] = parsed.records.map((record) => record.cells);
    expect(header).toEqual(['record_type', 'record', 'field', 'value']);
    expect(rows).toContainEqual(['Roster entry', String(r.pupilIds.amy), 'name', 'Amy Robin']);
    expect(rows).toContainEqual([
      'Flags',
      uuid(1),
      'title',
      `'=HYPERLINK("https://evil.example","click")`,
    ]);
    expect(rows).toContainEqual(['Flags', uuid(1), 'note', 'Amy saw something']);
    expect(rows).toContainEqual(['Prompt and download records', uuid(32), 'file_type', '.exe']);
    expect(new Set(rows.map((row) => row[0]))).toEqual(
      new Set([
        'Flag handling steps',
        'Flags',
        'Keyword alerts',
        'Prompt and download records',
        'Sites allowed on request',
        'Requests to visit or download',
        'Lessons',
        'Change log',
        'Enrolled devices',
        'Roster entry',
      ]),
    );
    expect(rows.flat().join(' ')).not.toMatch(/Hal|new@test|data:image/);
  });

  it('is the admin’s alone, within their school', async () => {
    const other = await otherSchool();
    for (const path of [`/api/pupils/${other}/data.json`, `/api/pupils/${other}/data.csv`]) {
      expect(await get(path)).toMatchObject({ status: 404, body: { error: 'No such pupil.' } });
    }
    expect(await get('/api/pupils/abc/data.json')).toMatchObject({ status: 404 });
    for (const session of [r.ada, r.dina]) {
      expect(await get(`/api/pupils/${r.pupilIds.amy}/data.json`, session)).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
    expect(
      await call(r.hub.app, 'GET', `/api/pupils/${r.pupilIds.amy}/data.csv`, {
        bearer: r.tokens.amy,
      }),
    ).toMatchObject({ status: 401 });
  });
});

describe('erasing a pupil', () => {
  const count = async (table: 'visit_requests' | 'grants' | 'keyword_alerts' | 'flag_events') =>
    (await r.hub.db.selectFrom(table).selectAll().execute()).length;

  it('states first what it will remove and keep, and changes nothing', async () => {
    const before = JSON.stringify(await get(`/api/pupils/${r.pupilIds.amy}/data.json`));
    const plan = await get(`/api/pupils/${r.pupilIds.amy}/erasure-plan`);
    expect(plan).toMatchObject({
      status: 200,
      body: {
        alreadyErased: false,
        pupil: { id: r.pupilIds.amy, name: 'Amy Robin' },
        erasure: {
          id: null,
          kept: [
            {
              type: 'flags',
              key: uuid(1),
              label: 'Flags',
              why: 'An open safeguarding case: it stays until the DSL closes it.',
            },
            {
              type: 'devices',
              key: expect.any(Number),
              label: 'Enrolled devices',
              why: 'Names the pupil on a kept flag; its token no longer works.',
            },
          ],
        },
      },
    });
    expect(JSON.stringify(await get(`/api/pupils/${r.pupilIds.amy}/data.json`))).toBe(before);
    expect(await r.hub.db.selectFrom('erasures').selectAll().execute()).toEqual([]);
  });

  it('removes everything but the open case, revokes the devices and logs it', async () => {
    const erased = await erase(r.pupilIds.amy);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ alreadyErased: false, pupil: { name: 'Amy Robin' } });
    const erasure = erased.body.erasure as Record<string, unknown>;
    expect(erasure).toMatchObject({
      id: expect.any(Number),
      pupilId: r.pupilIds.amy,
      at: '2026-03-02T09:00:00.000Z',
      by: 'Ali Admin',
      reason: 'Left the school in July',
    });
    expect(erasure.removed).toEqual([
      { type: 'flag_events', label: 'Flag handling steps', count: 2 },
      { type: 'flags', label: 'Flags', count: 1 },
      { type: 'keyword_alerts', label: 'Keyword alerts', count: 1 },
      { type: 'pupil_events', label: 'Prompt and download records', count: 2 },
      { type: 'grants', label: 'Sites allowed on request', count: 1 },
      { type: 'visit_requests', label: 'Requests to visit or download', count: 2 },
      { type: 'change_log', label: 'Change log', count: 2 },
      { type: 'devices', label: 'Enrolled devices', count: 1 },
      { type: 'pupils', label: 'Roster entry', count: 1 },
    ]);
    expect(erasure.kept).toEqual([
      expect.objectContaining({ type: 'flags', key: uuid(1) }),
      expect.objectContaining({ type: 'devices', key: expect.any(Number) }),
    ]);

    // What is left: Hal's and the stray account's records, and Amy's open flag, still the DSL's.
    expect(await count('visit_requests')).toBe(1);
    expect(await count('grants')).toBe(0);
    expect(await count('keyword_alerts')).toBe(1);
    expect(await count('flag_events')).toBe(0);
    // Both devices' prompt records went; Hal's and the stray account's stay.
    expect(await r.hub.db.selectFrom('pupil_events').select('id').orderBy('id').execute()).toEqual([
      { id: uuid(33) },
      { id: uuid(34) },
    ]);
    const flags = await r.hub.db
      .selectFrom('flags')
      .select(['id', 'pupil_id'])
      .orderBy('id')
      .execute();
    expect(flags).toEqual([
      { id: uuid(1), pupil_id: null },
      { id: uuid(3), pupil_id: r.pupilIds.hal },
      { id: uuid(4), pupil_id: null },
    ]);
    const dslList = await get('/api/flags?status=open', r.dina);
    expect(dslList.body.flags).toContainEqual(
      expect.objectContaining({ id: uuid(1), pupil: null, account: 'amy@test.school' }),
    );
    expect(await r.hub.db.selectFrom('pupils').select('name').execute()).toEqual([
      { name: 'Hal Hawk' },
    ]);
    // Neither device's token works any more; Hal's still does.
    for (const token of [r.tokens.amy, r.tokens.amyTablet]) {
      expect(await call(r.hub.app, 'GET', '/api/device/snapshot', { bearer: token })).toMatchObject(
        { status: 401 },
      );
    }
    expect(
      await call(r.hub.app, 'GET', '/api/device/snapshot', { bearer: r.tokens.hal }),
    ).toMatchObject({ status: 200 });
    // The filtering record keeps the changes, without the pupil's name or words.
    const log = await r.hub.db
      .selectFrom('change_log')
      .select(['action', 'asked_by', 'reason', 'pupil_id', 'device_id'])
      .where('action', 'in', ['visit.allowed', 'visit.denied'])
      .execute();
    expect(log).toEqual([
      {
        action: 'visit.allowed',
        asked_by: 'A pupil whose data was erased',
        reason: '',
        pupil_id: null,
        device_id: null,
      },
      {
        action: 'visit.denied',
        asked_by: 'A pupil whose data was erased',
        reason: '',
        pupil_id: null,
        device_id: null,
      },
    ]);
    // The log holds no personal data but the pupil's id.
    const logged = await get('/api/erasures');
    expect(logged).toMatchObject({ status: 200, body: { erasures: [erasure] } });
    expect(JSON.stringify(logged.body)).not.toMatch(/Amy|amy@/);
    expect(await get(`/api/pupils/${r.pupilIds.amy}/data.json`)).toMatchObject({ status: 404 });
  });

  it('answers a second erase clearly, and removes the rest once the DSL closes the case', async () => {
    const first = await erase(r.pupilIds.amy);
    const again = await erase(r.pupilIds.amy, { reason: 'Clicked twice' });
    expect(again).toMatchObject({
      status: 200,
      body: { alreadyErased: true, pupil: null, erasure: first.body.erasure },
    });
    expect(await r.hub.db.selectFrom('erasures').selectAll().execute()).toHaveLength(1);

    const closed = await call(r.hub.app, 'POST', `/api/flags/${uuid(1)}/close`, {
      session: r.dina,
      json: { action: 'Case closed with social care' },
    });
    expect(closed.status).toBe(200);
    const rest = await erase(r.pupilIds.amy, { reason: 'Case closed' });
    expect(rest.body).toMatchObject({
      alreadyErased: false,
      pupil: null,
      erasure: {
        removed: [
          { type: 'flag_events', count: 1 },
          { type: 'flags', count: 1 },
          { type: 'devices', count: 1 },
        ],
        kept: [],
      },
    });
    expect(await r.hub.db.selectFrom('devices').select('email').orderBy('id').execute()).toEqual([
      { email: 'hal@test.school' },
      { email: 'new@test.school' },
    ]);
    expect(await erase(r.pupilIds.amy)).toMatchObject({
      status: 200,
      body: { alreadyErased: true, erasure: { reason: 'Case closed' } },
    });
    expect((await get('/api/erasures')).body.erasures).toHaveLength(2);
  });

  it('keeps nothing once every case is closed, and a re-enrolment starts afresh', async () => {
    const closed = await call(r.hub.app, 'POST', `/api/flags/${uuid(3)}/close`, {
      session: r.dina,
      json: { action: 'Nothing of concern' },
    });
    expect(closed.status).toBe(200);
    const erased = await erase(r.pupilIds.hal);
    expect(erased.body).toMatchObject({ erasure: { kept: [] } });
    // Hal's account may enrol again (a new start): the device is on no roster, with no past.
    const token = await enrol(r.hub.app, 'hal@test.school', 'chromebook-hal');
    expect(await call(r.hub.app, 'GET', '/api/device/snapshot', { bearer: token })).toMatchObject({
      status: 200,
      body: { pupil: null, answers: [] },
    });
    expect(
      await r.hub.db.selectFrom('flags').select('id').where('id', '=', uuid(3)).execute(),
    ).toEqual([]);
  });

  it('needs a reason, the CSRF token and the admin, and a pupil of the school', async () => {
    const path = `/api/pupils/${r.pupilIds.amy}/erase`;
    expect(await erase(r.pupilIds.amy, {})).toMatchObject({
      status: 400,
      body: { error: 'reason: give the reason for the change' },
    });
    expect(await erase(r.pupilIds.amy, { reason: '  ' })).toMatchObject({
      status: 400,
      body: { error: 'reason: is empty' },
    });
    expect(
      await call(r.hub.app, 'POST', path, {
        session: r.ali,
        csrf: false,
        json: { reason: 'Left' },
      }),
    ).toMatchObject({ status: 403 });
    const dina = await login(r.hub.app, 'dina');
    expect(
      await call(r.hub.app, 'POST', path, { session: dina, json: { reason: 'Left' } }),
    ).toMatchObject({ status: 403, body: { error: 'Only an admin can do this.' } });
    expect(await erase(await otherSchool())).toMatchObject({
      status: 404,
      body: { error: 'No such pupil.' },
    });
    expect(await erase(999_999)).toMatchObject({ status: 404 });
    expect(await r.hub.db.selectFrom('pupils').selectAll().execute()).toHaveLength(3);
    expect(await get('/api/erasures', r.dina)).toMatchObject({ status: 403 });
  });
});
