import { beforeEach, describe, expect, it } from 'vitest';
import { enrolResponseSchema, snapshotSchema } from '../../shared/hub-protocol';
import { call, createTestHub, enrol, ENROLMENT_TOKEN, login, type TestHub } from './hub-fixture';

const enrolAnswer = (hub: TestHub, json: Record<string, unknown>) =>
  call(hub.app, 'POST', '/api/device/enrol', {
    json: { enrolmentToken: ENROLMENT_TOKEN, deviceId: 'chromebook-01', ...json },
  });

describe('device enrolment', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  it('enrols a pupil on a roster and answers their class and key stage', async () => {
    const answer = await enrolAnswer(hub, { email: ' Amy@Test.School ' });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        deviceToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        assigned: true,
        pupil: { name: 'Amy Robin', classId: hub.classIds.robins, keyStage: 'ks1' },
      },
    });
    // The answer is exactly the contract the extension reads (shared/hub-protocol.ts).
    expect(enrolResponseSchema.strict().parse(answer.body)).toEqual(answer.body);
    const stored = await hub.db.selectFrom('devices').select(['email', 'token_hash']).execute();
    expect(stored).toEqual([
      { email: 'amy@test.school', token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('refuses a wrong enrolment token', async () => {
    const answer = await enrolAnswer(hub, {
      email: 'amy@test.school',
      enrolmentToken: 'wrong-token-0123456789',
    });
    expect(answer).toMatchObject({
      status: 401,
      body: { error: 'The enrolment token is not this hub’s.' },
    });
    expect(await hub.db.selectFrom('devices').select('id').execute()).toEqual([]);
  });

  it.each([
    [{ email: 'amy@' }, 'email: expected an email address'],
    [
      { email: 'amy@test.school', deviceId: 'x' },
      'deviceId: expected 8 to 128 letters, digits, - or _',
    ],
    [{ email: 'amy@test.school', enrolmentToken: '' }, 'enrolmentToken: enter the enrolment token'],
  ])('says what is wrong with %j', async (json, error) => {
    expect(await enrolAnswer(hub, json)).toMatchObject({ status: 400, body: { error } });
  });

  it('enrols an unknown email as unassigned on KS1, listed for the admin until a roster names it', async () => {
    const answer = await enrolAnswer(hub, { email: 'new@test.school' });
    expect(answer.body).toMatchObject({
      assigned: false,
      pupil: { name: null, classId: null, keyStage: 'ks1' },
    });
    const token = answer.body.deviceToken as string;
    const snapshot = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
    expect(snapshot.body).toEqual({
      pupil: null,
      classId: null,
      keyStage: 'ks1',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: [],
    });

    const admin = await login(hub.app, 'ali');
    const listed = await call(hub.app, 'GET', '/api/devices/unassigned', { session: admin });
    expect(listed.body).toEqual({
      devices: [
        {
          id: expect.any(Number),
          deviceId: 'chromebook-01',
          email: 'new@test.school',
          enrolledAt: expect.any(String),
        },
      ],
    });

    await call(hub.app, 'POST', `/api/classes/${hub.classIds.hawks}/roster`, {
      session: admin,
      body: 'name,email,class\nNia Hawk,new@test.school,Year 6 Hawks\n',
      contentType: 'text/csv',
    });
    const after = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
    expect(after.body).toEqual({
      pupil: { name: 'Nia Hawk' },
      classId: hub.classIds.hawks,
      keyStage: 'ks2',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: [],
    });
    expect(
      (await call(hub.app, 'GET', '/api/devices/unassigned', { session: admin })).body,
    ).toEqual({ devices: [] });
  });

  it('limits enrolments from one address', async () => {
    hub = await createTestHub({ enrolmentsPerAddress: { limit: 2, windowMs: 60_000 } });
    expect((await enrolAnswer(hub, { email: 'amy@test.school' })).status).toBe(200);
    expect((await enrolAnswer(hub, { email: 'hal@test.school' })).status).toBe(200);
    const third = await enrolAnswer(hub, { email: 'new@test.school' });
    expect(third).toMatchObject({
      status: 429,
      body: { error: expect.stringContaining('Too many enrolments') },
    });
    expect(third.headers.get('Retry-After')).toBe('60');
  });

  it('gives a new token on enrolling again and retires the old one', async () => {
    const first = await enrol(hub.app, 'hal@test.school');
    const second = await enrol(hub.app, 'hal@test.school');
    expect(second).not.toBe(first);
    expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: first })).status).toBe(
      401,
    );
    expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: second })).status).toBe(
      200,
    );
    expect(await hub.db.selectFrom('devices').select('id').execute()).toHaveLength(1);
  });
});

describe('device snapshot', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  it("answers the device's pupil, class and key stage, with no lesson yet", async () => {
    const token = await enrol(hub.app, 'hal@test.school');
    const answer = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        pupil: { name: 'Hal Hawk' },
        classId: hub.classIds.hawks,
        keyStage: 'ks2',
        lesson: null,
      },
    });
    // The contract the extension's hub client will read.
    expect(snapshotSchema.strict().parse(answer.body)).toEqual(answer.body);
  });

  it('needs a known device token; a teacher session is not one', async () => {
    const none = await call(hub.app, 'GET', '/api/device/snapshot');
    expect(none).toMatchObject({
      status: 401,
      body: { error: expect.stringContaining('device token') },
    });
    const unknown = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: 'A'.repeat(43) });
    expect(unknown).toMatchObject({
      status: 401,
      body: { error: 'This device token is not known; enrol the device again.' },
    });
    const teacher = await call(hub.app, 'GET', '/api/device/snapshot', {
      session: await login(hub.app, 'ali'),
    });
    expect(teacher.status).toBe(401);
  });

  it('limits each device to 60 requests a minute', async () => {
    const token = await enrol(hub.app, 'hal@test.school', 'device-hal');
    const other = await enrol(hub.app, 'amy@test.school', 'device-amy');
    for (let i = 0; i < 60; i++) {
      expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token })).status).toBe(
        200,
      );
    }
    const limited = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
    expect(limited).toMatchObject({
      status: 429,
      body: { error: expect.stringContaining('Too many requests') },
    });
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: other })).status).toBe(
      200,
    );
    hub.advance(60_000);
    expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token })).status).toBe(
      200,
    );
  });
});
