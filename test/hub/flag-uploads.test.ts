// Flags from pupils' devices: stored durably before the answer, once however often they are sent,
// filled in (never overwritten) by a later copy, and refused item by item when malformed.
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_FLAG_SCREENSHOT_CHARS, uploadResponseSchema } from '../../shared/flag';
import { flag, SCREENSHOT, uploadFlags, uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type TestHub } from './hub-fixture';

const id = uuid;

let hub: TestHub;
let amy: string;
let hal: string;
beforeEach(async () => {
  hub = await createTestHub();
  amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
  hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
});

const upload = (token: string, flags: unknown[]) => uploadFlags(hub.app, token, flags);
const stored = () => hub.db.selectFrom('flags').selectAll().orderBy('seq').execute();

describe('uploading flags', () => {
  it('stores a flag durably before answering, with the pupil and class it arrived with', async () => {
    const sent = await upload(amy, [
      flag(1, { createdAt: '2026-03-02T09:59:00+01:00', screenshot: SCREENSHOT }),
    ]);
    expect(sent).toMatchObject({ status: 200, body: { stored: [id(1)], conflicts: [] } });
    expect(uploadResponseSchema.strict().parse(sent.body)).toEqual(sent.body);
    // Read straight after the answer: the row is there, committed.
    const pupil = await hub.db
      .selectFrom('pupils')
      .select('id')
      .where('email', '=', 'amy@test.school')
      .executeTakeFirstOrThrow();
    expect(await stored()).toEqual([
      {
        seq: 1,
        id: id(1),
        school_id: expect.any(Number),
        device_id: expect.any(Number),
        pupil_id: pupil.id,
        class_id: hub.classIds.robins,
        url: 'https://video.example.com/watch?v=abc',
        title: 'A video',
        reason: null,
        note: '',
        source: 'popup',
        // One form, whatever offset the device used.
        created_at: '2026-03-02T08:59:00.000Z',
        received_at: '2026-03-02T09:00:00.000Z',
        screenshot: SCREENSHOT,
        status: 'open',
        action_taken: null,
        handled_by: null,
        handled_at: null,
        escalated_by: null,
        escalated_at: null,
      },
    ]);
  });

  it('stores a flag from a pupil on no roster with no pupil and no class', async () => {
    const stray = await enrol(hub.app, 'new@test.school');
    expect((await upload(stray, [flag(1)])).status).toBe(200);
    expect(await stored()).toEqual([expect.objectContaining({ pupil_id: null, class_id: null })]);
  });

  it('keeps one flag for an id sent twice, and answers every id each time', async () => {
    await upload(amy, [flag(1)]);
    hub.advance(60_000);
    const again = await upload(amy, [flag(1), flag(2)]);
    expect(again).toMatchObject({ status: 200, body: { stored: [id(1), id(2)], conflicts: [] } });
    const rows = await stored();
    expect(rows.map((row) => row.id)).toEqual([id(1), id(2)]);
    expect(rows[0]?.received_at).toBe('2026-03-02T09:00:00.000Z');
    // The same id twice in one batch is one flag too.
    expect(await upload(amy, [flag(3), flag(3)])).toMatchObject({
      body: { stored: [id(3)], conflicts: [] },
    });
    expect(await stored()).toHaveLength(3);
  });

  it('fills in the reason, note and screenshot a later copy brings, and never overwrites them', async () => {
    await upload(amy, [flag(1)]);
    await upload(amy, [flag(1, { reason: 'unkind', note: 'They called me names' })]);
    expect((await stored())[0]).toMatchObject({
      reason: 'unkind',
      note: 'They called me names',
      screenshot: null,
    });
    // A later copy can't take back or change what is stored, but adds what is missing.
    await upload(amy, [
      flag(1, { reason: 'other', note: 'changed my mind', screenshot: SCREENSHOT }),
    ]);
    await upload(amy, [
      flag(1, { reason: null, note: '', title: 'Renamed', url: 'https://x.org/' }),
    ]);
    expect((await stored())[0]).toMatchObject({
      reason: 'unkind',
      note: 'They called me names',
      screenshot: SCREENSHOT,
      title: 'A video',
      url: 'https://video.example.com/watch?v=abc',
    });
    // Within one batch too: the press, then the reason.
    await upload(amy, [flag(2), flag(2, { reason: 'contact' })]);
    expect((await stored())[1]).toMatchObject({ id: id(2), reason: 'contact' });
  });

  it('reports an id another device holds as a conflict and leaves that flag as it was', async () => {
    await upload(amy, [flag(1)]);
    const clash = await upload(hal, [flag(1, { reason: 'upset', note: 'mine' }), flag(2)]);
    expect(clash).toMatchObject({ status: 200, body: { stored: [id(2)], conflicts: [id(1)] } });
    const rows = await stored();
    expect(rows.map((row) => [row.id, row.class_id, row.reason, row.note])).toEqual([
      [id(1), hub.classIds.robins, null, ''],
      [id(2), hub.classIds.hawks, null, ''],
    ]);
  });

  it.each([
    [[flag(1), flag(2, { source: 'keyboard' })], 'flags item 2: source: Invalid option'],
    [[flag(1, { id: 'nope' })], 'flags item 1: id: expected a UUID'],
    [[flag(1, { reason: 'bored' })], 'flags item 1: reason: Invalid option'],
    [[flag(1, { note: 'x'.repeat(501) })], 'flags item 1: note: is longer than 500 characters'],
    [[flag(1, { title: 'x'.repeat(301) })], 'flags item 1: title: is longer than 300 characters'],
    [
      [flag(1, { url: `https://example.org/${'a'.repeat(2048)}` })],
      'flags item 1: url: is longer than 2048 characters',
    ],
    [[flag(1, { createdAt: 'now' })], 'flags item 1: createdAt: expected an ISO date and time'],
    [
      [flag(1, { screenshot: 'data:image/png;base64,AAAA' })],
      'flags item 1: screenshot: expected a JPEG data URL',
    ],
    [[flag(1), 7], 'flags item 2: expected a flag'],
    [[], 'flags: send at least one flag'],
    [Array.from({ length: 6 }, (_, n) => flag(n)), 'flags: send at most 5 flags'],
  ])(
    'refuses a bad upload, naming the bad item, and stores none of it (%#)',
    async (flags, error) => {
      const answered = await upload(amy, flags);
      expect(answered.status).toBe(400);
      expect(answered.body.error).toEqual(expect.stringContaining(error));
      expect(await stored()).toEqual([]);
    },
  );

  it('takes five flags with the largest screenshots, and refuses a larger body with 413 JSON', async () => {
    const big = `data:image/jpeg;base64,${'A'.repeat(MAX_FLAG_SCREENSHOT_CHARS - 23)}`;
    expect(big).toHaveLength(MAX_FLAG_SCREENSHOT_CHARS);
    const five = Array.from({ length: 5 }, (_, n) => flag(n + 1, { screenshot: big }));
    expect((await upload(amy, five)).status).toBe(200);
    expect(await stored()).toHaveLength(5);

    const tooBig = await call(hub.app, 'POST', '/api/device/flags', {
      bearer: amy,
      body: JSON.stringify({ flags: [flag(9)], padding: 'x'.repeat(2.5 * 1024 * 1024) }),
      contentType: 'application/json',
    });
    expect(tooBig).toMatchObject({
      status: 413,
      body: { error: 'The request body is too large; the limit is 2.5 MB.' },
    });
    expect(tooBig.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await stored()).toHaveLength(5);
  });

  it('keeps every other endpoint at 64 KB', async () => {
    const answer = await call(hub.app, 'POST', '/api/flags/' + id(1) + '/acknowledge', {
      session: await login(hub.app, 'ada'),
      json: { action: 'x'.repeat(65 * 1024) },
    });
    expect(answer).toMatchObject({
      status: 413,
      body: { error: 'The request body is too large; the limit is 64 KB.' },
    });
  });

  it('counts flag uploads against the device’s rate limit', async () => {
    hub = await createTestHub({ deviceRequests: { limit: 2, windowMs: 60_000 } });
    const token = await enrol(hub.app, 'amy@test.school');
    expect((await upload(token, [flag(1)])).status).toBe(200);
    expect((await upload(token, [flag(2)])).status).toBe(200);
    const limited = await upload(token, [flag(3)]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toEqual(expect.any(String));
    expect(await stored()).toHaveLength(2);
  });
});
