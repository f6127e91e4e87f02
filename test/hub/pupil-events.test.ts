// Zip It, Block It, copyright and download records from pupils' devices: stored durably before
// the answer, once however often they are sent, never over another device's; refused item by
// item with the field named; and read by the class's teachers grouped per pupil and type, over
// the school's day unless they choose other dates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadResponseSchema } from '../../shared/flag';
import { needsTeacherEye } from '../../hub/server/pupil-event-summary';
import { MAX_PUPIL_EVENTS_PER_UPLOAD } from '../../shared/pupil-event';
import { uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

const id = uuid;

/** Record `n` as a device sends it: a Zip It prompt that kept a postcode private. */
const event = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: id(n),
  kind: 'zip-it',
  detail: 'postcode',
  outcome: 'kept-private',
  site: 'chat.example.com',
  createdAt: '2026-03-02T08:59:00.000Z',
  ...overrides,
});

let hub: TestHub;
let amy: string;
let hal: string;
const originalZone = process.env.TZ;
beforeEach(async () => {
  // "Today" is the school's day; the test's school is in London (GMT until 29 March).
  process.env.TZ = 'Europe/London';
  hub = await createTestHub();
  amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
  hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
});
afterEach(() => {
  process.env.TZ = originalZone;
});

const upload = (token: string, events: unknown[]) =>
  call(hub.app, 'POST', '/api/device/pupil-events', { bearer: token, json: { events } });
const stored = () => hub.db.selectFrom('pupil_events').selectAll().orderBy('seq').execute();
const pupilId = async (email: string) =>
  (
    await hub.db
      .selectFrom('pupils')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;

describe('uploading records', () => {
  it('stores a record durably before answering, with the pupil and class it arrived with', async () => {
    const sent = await upload(amy, [
      event(1, {
        kind: 'block-it',
        detail: 'link',
        outcome: 'flagged',
        target: 'prizes.example.net',
        createdAt: '2026-03-02T09:59:00+01:00',
      }),
    ]);
    expect(sent).toMatchObject({ status: 200, body: { stored: [id(1)], conflicts: [] } });
    expect(uploadResponseSchema.strict().parse(sent.body)).toEqual(sent.body);
    // Read straight after the answer: the row is there, committed.
    expect(await stored()).toEqual([
      {
        seq: 1,
        id: id(1),
        school_id: expect.any(Number),
        device_id: expect.any(Number),
        pupil_id: await pupilId('amy@test.school'),
        class_id: hub.classIds.robins,
        kind: 'block-it',
        detail: 'link',
        outcome: 'flagged',
        site: 'chat.example.com',
        target: 'prizes.example.net',
        file_type: null,
        // One form, whatever offset the device used.
        created_at: '2026-03-02T08:59:00.000Z',
        received_at: '2026-03-02T09:00:00.000Z',
      },
    ]);
  });

  it('keeps one record for an id sent twice, and answers every id each time', async () => {
    await upload(amy, [event(1)]);
    hub.advance(60_000);
    const again = await upload(amy, [event(1), event(2)]);
    expect(again).toMatchObject({ status: 200, body: { stored: [id(1), id(2)], conflicts: [] } });
    const rows = await stored();
    expect(rows.map((row) => row.id)).toEqual([id(1), id(2)]);
    expect(rows[0]?.received_at).toBe('2026-03-02T09:00:00.000Z');
    // The same id twice in one batch is one record too.
    expect(await upload(amy, [event(3), event(3)])).toMatchObject({
      body: { stored: [id(3)], conflicts: [] },
    });
    expect(await stored()).toHaveLength(3);
  });

  it('answers an id another device holds as a conflict and never overwrites it', async () => {
    await upload(amy, [event(1)]);
    const clash = await upload(hal, [
      event(1, { kind: 'copyright', detail: 'image', outcome: 'reminded' }),
      event(2),
    ]);
    expect(clash).toMatchObject({ status: 200, body: { stored: [id(2)], conflicts: [id(1)] } });
    const rows = await stored();
    expect(rows.map((row) => [row.id, row.kind, row.class_id])).toEqual([
      [id(1), 'zip-it', hub.classIds.robins],
      [id(2), 'zip-it', hub.classIds.hawks],
    ]);
  });

  it('stores a record from a pupil on no roster with no pupil and no class', async () => {
    const stray = await enrol(hub.app, 'new@test.school');
    expect((await upload(stray, [event(1)])).status).toBe(200);
    expect(await stored()).toEqual([expect.objectContaining({ pupil_id: null, class_id: null })]);
  });

  it.each([
    [{ events: [] }, 'events: send at least one pupil event'],
    [{}, 'events: expected a list of pupil events'],
    [
      { events: Array.from({ length: MAX_PUPIL_EVENTS_PER_UPLOAD + 1 }, (_, n) => event(n + 1)) },
      'events: send at most 50 pupil events',
    ],
    [
      { events: [event(1), event(2, { detail: 'link' })] },
      'events item 2: detail: expected one of postcode, phone, email, address, name, birth-date, school, password for zip-it',
    ],
    [
      { events: [event(1, { kind: 'download', detail: 'program', outcome: 'kept-private' })] },
      'events item 1: outcome: expected one of blocked, held, allowed, approved for download',
    ],
    [
      { events: [event(1, { site: 'https://chat.example.com/room' })] },
      'events item 1: site: expected a hostname (letters, digits, dots and hyphens)',
    ],
    [
      { events: [event(1, { id: 'not-a-uuid', createdAt: 'yesterday' })] },
      'events item 1: id: expected a UUID; createdAt: expected an ISO date and time',
    ],
    [
      { events: [event(1, { fileType: '<script>' }), 'nope'] },
      'events item 1: fileType: expected a file extension or MIME type; events item 2: expected a pupil event (id, kind, detail, outcome, site, createdAt)',
    ],
  ])(
    'refuses a bad upload (%#), naming what is wrong, and stores nothing from it',
    async (body, error) => {
      const answer = await call(hub.app, 'POST', '/api/device/pupil-events', {
        bearer: amy,
        json: body,
      });
      expect(answer).toMatchObject({ status: 400, body: { error } });
      expect(await stored()).toEqual([]);
    },
  );

  it('takes a full upload of the longest records within the default body limit', async () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const events = Array.from({ length: MAX_PUPIL_EVENTS_PER_UPLOAD }, (_, n) =>
      event(n + 1, {
        kind: 'download',
        detail: 'program',
        outcome: 'blocked',
        site: host,
        target: host,
        fileType: `application/${'x'.repeat(88)}`,
      }),
    );
    const answer = await upload(amy, events);
    expect(answer.status).toBe(200);
    expect((answer.body.stored as string[]).length).toBe(MAX_PUPIL_EVENTS_PER_UPLOAD);
  });

  it('counts towards the device’s rate limit like every device report', async () => {
    hub = await createTestHub({ deviceRequests: { limit: 2, windowMs: 60_000 } });
    const token = await enrol(hub.app, 'amy@test.school');
    expect((await upload(token, [event(1)])).status).toBe(200);
    expect((await upload(token, [event(2)])).status).toBe(200);
    const third = await upload(token, [event(3)]);
    expect(third.status).toBe(429);
    expect(await stored()).toHaveLength(2);
  });
});

describe('what needs a teacher’s eye', () => {
  it.each([
    ['zip-it', 'postcode', 'kept-private', false],
    ['zip-it', 'password', 'teacher-said-ok', true],
    ['block-it', 'link', 'stayed', false],
    ['block-it', 'attachment', 'flagged', true],
    ['download', 'program', 'blocked', true],
    ['download', 'torrent', 'blocked', true],
    ['download', 'document', 'blocked', false],
    ['download', 'image', 'held', true],
    ['download', 'program', 'allowed', false],
    ['download', 'program', 'approved', false],
    ['copyright', 'image', 'reminded', false],
    ['copyright', 'copied-text', 'citation-copied', false],
  ] as const)('%s %s %s: %s', (kind, detail, outcome, expected) => {
    expect(needsTeacherEye(kind, detail, outcome)).toBe(expected);
  });
});

describe('a class’s records for its teachers', () => {
  let ada: Session;
  let ben: string;
  beforeEach(async () => {
    await hub.db
      .insertInto('pupils')
      .values({
        school_id: 1,
        class_id: hub.classIds.robins,
        name: 'Ben Robin',
        email: 'ben@test.school',
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    ben = await enrol(hub.app, 'ben@test.school', 'chromebook-ben');
    ada = await login(hub.app, 'ada');
  });

  const summary = (session: Session, query = '') =>
    call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/pupil-events${query}`, { session });

  it('groups per pupil and type with counts, latest time and sites; what needs a look first', async () => {
    const sent = [
      await upload(amy, [
        event(1, { site: 'chat.example.com', createdAt: '2026-03-02T08:10:00Z' }),
        event(2, { site: 'chat.example.com', createdAt: '2026-03-02T08:20:00Z' }),
        event(3, { site: 'games.example.org', createdAt: '2026-03-02T08:15:00Z' }),
        event(4, {
          kind: 'copyright',
          detail: 'image',
          outcome: 'reminded',
          site: 'pics.example.com',
          createdAt: '2026-03-02T08:30:00Z',
        }),
      ]),
      await upload(ben, [
        event(5, { outcome: 'teacher-said-ok', detail: 'email', site: 'forms.example.com' }),
        event(6, {
          kind: 'download',
          detail: 'program',
          outcome: 'blocked',
          site: 'free.example.net',
          fileType: '.exe',
          createdAt: '2026-03-02T08:40:00Z',
        }),
        event(7, {
          kind: 'block-it',
          detail: 'link',
          outcome: 'stayed',
          site: 'chat.example.com',
          target: 'prizes.example.net',
          createdAt: '2026-03-02T08:45:00Z',
        }),
      ]),
      // Another class's pupil: never in the Robins' records.
      await upload(hal, [event(8)]),
    ];
    for (const answer of sent) expect(answer.status).toBe(200);

    const answer = await summary(ada);
    expect(answer.status).toBe(200);
    const none = { top: [], more: 0 };
    expect(answer.body).toEqual({
      window: {
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-03T00:00:00.000Z',
        fromDate: '2026-03-02',
        toDate: '2026-03-02',
      },
      totals: {
        total: 7,
        attention: 2,
        pupils: 2,
        byKind: { 'zip-it': 4, 'block-it': 1, download: 1, copyright: 1 },
        byOutcome: [
          { kind: 'zip-it', outcome: 'kept-private', count: 3 },
          { kind: 'zip-it', outcome: 'teacher-said-ok', count: 1 },
          { kind: 'block-it', outcome: 'stayed', count: 1 },
          { kind: 'block-it', outcome: 'flagged', count: 0 },
          { kind: 'download', outcome: 'blocked', count: 1 },
          { kind: 'download', outcome: 'held', count: 0 },
          { kind: 'download', outcome: 'allowed', count: 0 },
          { kind: 'download', outcome: 'approved', count: 0 },
          { kind: 'copyright', outcome: 'reminded', count: 1 },
          { kind: 'copyright', outcome: 'citation-copied', count: 0 },
        ],
      },
      pupils: [
        // Ben first: a detail sent because a teacher said so, and a blocked program.
        {
          pupil: { id: await pupilId('ben@test.school'), name: 'Ben Robin' },
          total: 3,
          attention: 2,
          latestAt: '2026-03-02T08:59:00.000Z',
          byKind: { 'zip-it': 1, 'block-it': 1, download: 1, copyright: 0 },
          groups: [
            {
              kind: 'zip-it',
              detail: 'email',
              outcome: 'teacher-said-ok',
              count: 1,
              latestAt: '2026-03-02T08:59:00.000Z',
              attention: true,
              sites: { top: ['forms.example.com'], more: 0 },
              targets: none,
              fileTypes: none,
            },
            {
              kind: 'download',
              detail: 'program',
              outcome: 'blocked',
              count: 1,
              latestAt: '2026-03-02T08:40:00.000Z',
              attention: true,
              sites: { top: ['free.example.net'], more: 0 },
              targets: none,
              fileTypes: { top: ['.exe'], more: 0 },
            },
            {
              kind: 'block-it',
              detail: 'link',
              outcome: 'stayed',
              count: 1,
              latestAt: '2026-03-02T08:45:00.000Z',
              attention: false,
              sites: { top: ['chat.example.com'], more: 0 },
              targets: { top: ['prizes.example.net'], more: 0 },
              fileTypes: none,
            },
          ],
        },
        {
          pupil: { id: await pupilId('amy@test.school'), name: 'Amy Robin' },
          total: 4,
          attention: 0,
          latestAt: '2026-03-02T08:30:00.000Z',
          byKind: { 'zip-it': 3, 'block-it': 0, download: 0, copyright: 1 },
          groups: [
            {
              kind: 'zip-it',
              detail: 'postcode',
              outcome: 'kept-private',
              count: 3,
              latestAt: '2026-03-02T08:20:00.000Z',
              attention: false,
              // The site seen most often first.
              sites: { top: ['chat.example.com', 'games.example.org'], more: 0 },
              targets: none,
              fileTypes: none,
            },
            {
              kind: 'copyright',
              detail: 'image',
              outcome: 'reminded',
              count: 1,
              latestAt: '2026-03-02T08:30:00.000Z',
              attention: false,
              sites: { top: ['pics.example.com'], more: 0 },
              targets: none,
              fileTypes: none,
            },
          ],
        },
      ],
    });
  });

  it('names at most eight sites a group and counts the rest', async () => {
    const events = Array.from({ length: 11 }, (_, n) =>
      event(n + 1, { site: `site${String(n).padStart(2, '0')}.example.com` }),
    );
    // site00 three times more, so it leads; the rest by name.
    events.push(event(20), event(21), event(22));
    for (const extra of events.slice(-3)) extra.site = 'site00.example.com';
    expect((await upload(amy, events)).status).toBe(200);
    const answer = await summary(ada);
    const pupils = answer.body.pupils as { groups: { count: number; sites: unknown }[] }[];
    expect(pupils[0]?.groups[0]).toMatchObject({
      count: 14,
      sites: {
        top: [
          'site00.example.com',
          'site01.example.com',
          'site02.example.com',
          'site03.example.com',
          'site04.example.com',
          'site05.example.com',
          'site06.example.com',
          'site07.example.com',
        ],
        more: 3,
      },
    });
  });

  it('covers today where the school is by default, and the dates chosen otherwise', async () => {
    // The clocks go forward on 29 March: the school's 29th ends at 23:00 UTC.
    await upload(amy, [
      event(1, { createdAt: '2026-03-01T23:59:59Z' }),
      event(2, { createdAt: '2026-03-02T00:00:00Z' }),
      event(3, { createdAt: '2026-03-02T23:59:59.999Z' }),
      event(4, { createdAt: '2026-03-03T00:00:00Z' }),
      event(5, { createdAt: '2026-03-29T22:30:00Z' }),
      event(6, { createdAt: '2026-03-29T23:30:00Z' }),
    ]);
    const totalOf = async (query: string) => {
      const answer = await summary(ada, query);
      expect(answer.status).toBe(200);
      return [(answer.body.totals as { total: number }).total, answer.body.window];
    };
    expect(await totalOf('')).toEqual([2, expect.objectContaining({ fromDate: '2026-03-02' })]);
    expect(await totalOf('?from=2026-03-01&to=2026-03-03')).toEqual([
      4,
      {
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-04T00:00:00.000Z',
        fromDate: '2026-03-01',
        toDate: '2026-03-03',
      },
    ]);
    // A `to` alone is that one day.
    expect(await totalOf('?to=2026-03-29')).toEqual([
      1,
      {
        from: '2026-03-29T00:00:00.000Z',
        to: '2026-03-29T23:00:00.000Z',
        fromDate: '2026-03-29',
        toDate: '2026-03-29',
      },
    ]);
    // Exact times are taken as they are.
    expect((await totalOf('?from=2026-03-02T00:00:00Z&to=2026-03-02T12:00:00Z'))[0]).toBe(1);
    // The next morning, "today" has moved on.
    hub.advance(24 * 3600_000);
    ada = await login(hub.app, 'ada');
    expect((await totalOf(''))[0]).toBe(1);
  });

  it.each([
    ['?from=yesterday', 'from: expected a date (2026-03-02) or an ISO date and time'],
    ['?from=2026-03-03&to=2026-03-02', 'to: expected a time after from'],
    ['?from=2026-03-04', 'to: expected a time after from'],
  ])('refuses %s, naming the field', async (query, error) => {
    expect(await summary(ada, query)).toMatchObject({ status: 400, body: { error } });
  });

  it('shows the class’s teacher, the DSL and the admin, and no other teacher', async () => {
    await upload(amy, [event(1)]);
    for (const user of ['ada', 'dina', 'ali'] as const) {
      const answer = await summary(await login(hub.app, user));
      expect([user, answer.status, (answer.body.totals as { total: number }).total]).toEqual([
        user,
        200,
        1,
      ]);
    }
    const bob = await login(hub.app, 'bob');
    expect(await summary(bob)).toMatchObject({ status: 404, body: { error: 'No such class.' } });
    const amyId = await pupilId('amy@test.school');
    expect(
      await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/pupil-events/${amyId}`, {
        session: bob,
      }),
    ).toMatchObject({ status: 404, body: { error: 'No such class.' } });
  });

  it('pages one pupil’s records newest first, and names no pupil of another class', async () => {
    await upload(amy, [
      event(1),
      event(2, { kind: 'copyright', detail: 'copied-text', outcome: 'citation-copied' }),
      event(3),
    ]);
    await upload(hal, [event(4)]);
    const amyId = await pupilId('amy@test.school');
    const page = (query: string) =>
      call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/pupil-events/${amyId}${query}`, {
        session: ada,
      });
    const first = await page('?limit=2');
    expect(first).toMatchObject({
      status: 200,
      body: {
        pupil: { id: amyId, name: 'Amy Robin' },
        window: { fromDate: '2026-03-02', toDate: '2026-03-02' },
        events: [
          expect.objectContaining({ id: id(3), kind: 'zip-it' }),
          {
            id: id(2),
            kind: 'copyright',
            detail: 'copied-text',
            outcome: 'citation-copied',
            site: 'chat.example.com',
            target: null,
            fileType: null,
            createdAt: '2026-03-02T08:59:00.000Z',
          },
        ],
        nextBefore: expect.any(Number),
      },
    });
    const second = await page(`?limit=2&before=${String(first.body.nextBefore)}`);
    expect(second.body).toMatchObject({
      events: [expect.objectContaining({ id: id(1) })],
      nextBefore: null,
    });
    // Hal is a Hawk with no records from the Robins: the Robins' teacher can't learn his name.
    const halId = await pupilId('hal@test.school');
    expect(
      await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/pupil-events/${halId}`, {
        session: ada,
      }),
    ).toMatchObject({ status: 404, body: { error: 'No such pupil.' } });
    expect(await page('?limit=0')).toMatchObject({
      status: 400,
      body: { error: 'limit: expected at least 1' },
    });
  });

  it('tells the class’s watching teachers when new records arrive, not on a retry', async () => {
    const heard: string[] = [];
    const stop = hub.services.bus.subscribe(hub.classIds.robins, (message) =>
      heard.push(message.type),
    );
    await upload(amy, [event(1)]);
    await upload(amy, [event(1)]);
    await upload(hal, [event(2)]);
    stop();
    expect(heard).toEqual(['pupilEvents']);
  });
});
