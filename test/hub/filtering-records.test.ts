// The DfE filtering record at the hub: blocked attempts from pupils' devices are stored before the
// answer with the device and pupil the token names, once however often they are sent, refused
// item by item with the field named; kept for their retention period; in the pupil's
// subject-access export; removed by erasure; and counted by category in the weekly summary, with
// attempts to get round the filter on a line of their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';
import { sweepSchool } from '../../hub/server/retention/retention-sweep';
import { uploadResponseSchema } from '../../shared/flag';
import { MAX_FILTERING_RECORDS_PER_UPLOAD } from '../../shared/filtering-record';
import { uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type TestHub } from './hub-fixture';
import { withPupilRecords, type PupilRecords } from './pupil-records';

const DAY = 86_400_000;

/** Record `n` as a device sends it: an address off the school's list. */
const record = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: uuid(n),
  createdAt: '2026-03-02T08:59:00.000Z',
  url: `https://games${n}.example.net/play?level=2`,
  category: 'list',
  verdict: 'blocked',
  ...overrides,
});

const upload = (hub: TestHub, token: string, records: unknown[]) =>
  call(hub.app, 'POST', '/api/device/filtering-records', { bearer: token, json: { records } });
const stored = (hub: TestHub) =>
  hub.db.selectFrom('filtering_records').selectAll().orderBy('id').execute();
const pupilId = async (hub: TestHub, email: string) =>
  (
    await hub.db
      .selectFrom('pupils')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;

describe('uploading the filtering record', () => {
  let hub: TestHub;
  let amy: string;
  let hal: string;
  beforeEach(async () => {
    hub = await createTestHub();
    amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
    hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
  });

  it('stores each record durably before answering, with the device, pupil, time, address and verdict', async () => {
    const sent = await upload(hub, amy, [
      record(1, { createdAt: '2026-03-02T09:59:00+01:00' }),
      record(2, { url: 'chrome://extensions/', category: 'circumvention' }),
    ]);
    expect(sent).toMatchObject({
      status: 200,
      body: { stored: [uuid(1), uuid(2)], conflicts: [] },
    });
    expect(uploadResponseSchema.strict().parse(sent.body)).toEqual(sent.body);
    const device = await hub.db
      .selectFrom('devices')
      .select(['id', 'school_id'])
      .where('device_id', '=', 'chromebook-amy')
      .executeTakeFirstOrThrow();
    // Read straight after the answer: the rows are there, committed.
    expect(await stored(hub)).toEqual([
      {
        id: uuid(1),
        school_id: device.school_id,
        device_id: device.id,
        pupil_id: await pupilId(hub, 'amy@test.school'),
        // One form, whatever offset the device used.
        created_at: '2026-03-02T08:59:00.000Z',
        received_at: '2026-03-02T09:00:00.000Z',
        url: 'https://games1.example.net/play?level=2',
        category: 'list',
        verdict: 'blocked',
      },
      expect.objectContaining({
        id: uuid(2),
        url: 'chrome://extensions/',
        category: 'circumvention',
      }),
    ]);
  });

  it('keeps one record for an id sent twice, and answers every id each time', async () => {
    expect((await upload(hub, amy, [record(1)])).body).toEqual({
      stored: [uuid(1)],
      conflicts: [],
    });
    // The retry after a lost answer, with a new one beside it.
    const retry = await upload(hub, amy, [record(1), record(2), record(2)]);
    expect(retry).toMatchObject({
      status: 200,
      body: { stored: [uuid(1), uuid(2)], conflicts: [] },
    });
    expect((await stored(hub)).map((row) => row.id)).toEqual([uuid(1), uuid(2)]);
  });

  it('answers an id another device holds as a conflict and never overwrites it', async () => {
    await upload(hub, amy, [record(1)]);
    const clash = await upload(hub, hal, [record(1, { url: 'https://hal.example/' })]);
    expect(clash).toMatchObject({ status: 200, body: { stored: [], conflicts: [uuid(1)] } });
    expect((await stored(hub)).map((row) => row.url)).toEqual([
      'https://games1.example.net/play?level=2',
    ]);
  });

  it('stores a record from an account on no roster with no pupil', async () => {
    const stray = await enrol(hub.app, 'new@test.school', 'chromebook-new');
    expect((await upload(hub, stray, [record(5)])).status).toBe(200);
    expect(await stored(hub)).toEqual([expect.objectContaining({ id: uuid(5), pupil_id: null })]);
  });

  it.each([
    [
      [record(1, { category: 'fun' })],
      'records item 1: category: expected one of list, always, images, piracy, circumvention',
    ],
    [[record(1), record(2, { verdict: 'allowed' })], 'records item 2: verdict: expected blocked'],
    [
      [record(1, { url: 'games.example.net' })],
      'records item 1: url: expected an address with a scheme (https:, chrome:)',
    ],
    [
      [record(1, { url: `https://x.example/${'a'.repeat(2048)}` })],
      'records item 1: url: expected an address of at most 2048 characters',
    ],
    [[record(1, { id: 'seven' })], 'records item 1: id: expected a UUID'],
    [
      [record(1, { createdAt: 'yesterday' })],
      'records item 1: createdAt: expected an ISO date and time',
    ],
    [
      ['a string'],
      'records item 1: expected a filtering record (id, createdAt, url, category, verdict)',
    ],
    [[], 'records: send at least one filtering record'],
  ])(
    'refuses a bad upload whole, as clear JSON naming the item and field: %#',
    async (records, error) => {
      expect(await upload(hub, amy, records)).toMatchObject({ status: 400, body: { error } });
      expect(await stored(hub)).toEqual([]);
    },
  );

  it('refuses more than a full upload, and takes a full one of the longest addresses', async () => {
    const longest = `https://www.google.com/search?tbm=isch&q=${'é'.repeat(1000)}`.slice(0, 2048);
    const full = Array.from({ length: MAX_FILTERING_RECORDS_PER_UPLOAD }, (_, i) =>
      record(i + 1, { url: longest, category: 'images' }),
    );
    expect(await upload(hub, amy, full)).toMatchObject({ status: 200 });
    expect(await upload(hub, amy, [...full, record(999)])).toMatchObject({
      status: 400,
      body: {
        error: `records: send at most ${MAX_FILTERING_RECORDS_PER_UPLOAD} filtering records`,
      },
    });
  });

  it('needs the device token', async () => {
    expect(
      await call(hub.app, 'POST', '/api/device/filtering-records', {
        json: { records: [record(1)] },
      }),
    ).toMatchObject({ status: 401 });
  });
});

describe('the filtering record and data protection', () => {
  let r: PupilRecords;
  const schoolId = async () =>
    (await r.hub.db.selectFrom('schools').select('id').executeTakeFirstOrThrow()).id;
  beforeEach(async () => {
    r = await withPupilRecords();
    const at = r.hub.services.now().toISOString();
    for (const [token, records] of [
      [
        r.tokens.amy,
        [
          record(41, { createdAt: at }),
          record(42, {
            createdAt: at,
            url: 'https://www.croxyproxy.com/',
            category: 'circumvention',
          }),
        ],
      ],
      [
        r.tokens.amyTablet,
        [record(43, { createdAt: at, category: 'piracy', url: 'https://thepiratebay.org/' })],
      ],
      [r.tokens.hal, [record(44, { createdAt: at })]],
      [r.tokens.stray, [record(45, { createdAt: at })]],
    ] as const) {
      expect((await upload(r.hub, token, [...records])).status).toBe(200);
    }
  });

  it('keeps records a year by default, then the sweep removes them; the admin may keep them longer', async () => {
    const periods = await call(r.hub.app, 'GET', '/api/retention', { session: r.ali });
    expect(
      (periods.body.types as { name: string }[]).find((type) => type.name === 'filtering_records'),
    ).toMatchObject({
      kind: 'age',
      days: 365,
      defaultDays: 365,
      minDays: 30,
      maxDays: 7 * 365,
      why: expect.stringContaining('DfE filtering record'),
    });

    r.hub.advance(365 * DAY);
    expect(
      (await sweepSchool(r.hub.db, await schoolId(), { now: r.hub.services.now })).removed,
    ).not.toHaveProperty('filtering_records');
    r.hub.advance(1);
    const fresh = r.hub.services.now().toISOString();
    await upload(r.hub, r.tokens.hal, [record(46, { createdAt: fresh })]);
    const swept = await sweepSchool(r.hub.db, await schoolId(), { now: r.hub.services.now });
    expect(swept.removed).toMatchObject({ filtering_records: 5 });
    expect((await stored(r.hub)).map((row) => row.id)).toEqual([uuid(46)]);

    // Longer than seven years is refused (a new login: a year has passed).
    expect(
      await call(r.hub.app, 'PUT', '/api/retention', {
        session: await login(r.hub.app, 'ali'),
        json: { days: { filtering_records: 7 * 365 + 1 }, reason: 'Keep for ever' },
      }),
    ).toMatchObject({ status: 400 });
  });

  it('is in the pupil’s subject-access export, from each of their devices, and no one else’s', async () => {
    const answer = await call(r.hub.app, 'GET', `/api/pupils/${r.pupilIds.amy}/data.json`, {
      session: r.ali,
    });
    expect(answer.status).toBe(200);
    const section = (
      answer.body.records as { type: string; rows: Record<string, unknown>[] }[]
    ).find((records) => records.type === 'filtering_records');
    expect(section?.rows).toEqual([
      {
        id: uuid(41),
        created_at: '2026-03-02T09:00:00.000Z',
        received_at: '2026-03-02T09:00:00.000Z',
        url: 'https://games41.example.net/play?level=2',
        category: 'list',
        verdict: 'blocked',
      },
      expect.objectContaining({ id: uuid(42), category: 'circumvention' }),
      expect.objectContaining({ id: uuid(43), category: 'piracy' }),
    ]);
    const csv = await r.hub.app.request(`/api/pupils/${r.pupilIds.amy}/data.csv`, {
      headers: { Cookie: r.ali.cookie },
    });
    const parsed = parseCsv(await csv.text());
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.records.map((row) => row.cells)).toContainEqual([
      'Filtering record (blocked attempts)',
      uuid(42),
      'url',
      'https://www.croxyproxy.com/',
    ]);
    // Hal's and the stray account's records are not Amy's.
    expect(JSON.stringify(answer.body)).not.toMatch(/games4[45]/);
  });

  it('goes when the pupil is erased; other pupils’ records stay', async () => {
    const erased = await call(r.hub.app, 'POST', `/api/pupils/${r.pupilIds.amy}/erase`, {
      session: r.ali,
      json: { reason: 'Left the school in July' },
    });
    expect(erased.status).toBe(200);
    expect((erased.body.erasure as { removed: unknown[] }).removed).toContainEqual({
      type: 'filtering_records',
      label: 'Filtering record (blocked attempts)',
      count: 3,
    });
    expect((await stored(r.hub)).map((row) => row.id)).toEqual([uuid(44), uuid(45)]);
  });
});

describe('the filtering record in the weekly summary', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it('counts the week by category, with attempts to get round the filter on their own line, and no address', async () => {
    process.env.TZ = 'Europe/London';
    const hub = await createTestHub();
    const dina = await login(hub.app, 'dina');
    const amy = await enrol(hub.app, 'amy@test.school');
    expect(
      (
        await upload(hub, amy, [
          record(1, { createdAt: '2026-03-02T00:00:00Z' }),
          record(2, { createdAt: '2026-03-03T10:00:00Z', category: 'images' }),
          record(3, {
            createdAt: '2026-03-04T10:00:00Z',
            category: 'circumvention',
            url: 'https://www.croxyproxy.com/',
          }),
          record(4, {
            createdAt: '2026-03-08T23:59:00Z',
            category: 'circumvention',
            url: 'chrome://extensions/',
          }),
          // The Monday after: another week's.
          record(5, { createdAt: '2026-03-09T00:00:00Z', category: 'circumvention' }),
        ])
      ).status,
    ).toBe(200);
    const answer = await call(hub.app, 'GET', '/api/incidents/summary?week=2026-03-04', {
      session: dina,
    });
    expect(answer.status).toBe(200);
    const filtering = (answer.body.records as Record<string, unknown>[]).find(
      (summary) => summary.type === 'filtering_records',
    );
    expect(filtering).toEqual({
      type: 'filtering_records',
      label: 'Filtering record (blocked attempts)',
      total: 4,
      breakdowns: [
        {
          column: 'category',
          label: 'By category',
          rows: [
            { value: 'list', label: 'Not on the school’s list', count: 1 },
            { value: 'always', label: 'On the school’s always-blocked list', count: 0 },
            { value: 'images', label: 'Image search', count: 1 },
            { value: 'piracy', label: 'Piracy and stream ripping', count: 0 },
            { value: 'circumvention', label: 'Getting round the filter', count: 2 },
          ],
        },
      ],
      highlights: [
        {
          label: 'Attempts to get round the filter (proxies, VPNs, chrome://extensions)',
          count: 2,
        },
      ],
    });
    // Counts only: no address leaves in the summary.
    expect(JSON.stringify(answer.body)).not.toMatch(/croxyproxy|games\d|chrome:\/\/extensions\//);
  });
});
