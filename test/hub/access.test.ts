// The access rules across every route the app has: a device token opens no teacher endpoint,
// nothing but the public endpoints opens without credentials, and unknown routes are 404 JSON.
import { beforeAll, describe, expect, it } from 'vitest';
import { accessFor, HELLO_ENDPOINTS, PUBLIC_ENDPOINTS } from '../../hub/server/access-gate';
import { call, createTestHub, enrol, login, type TestHub } from './hub-fixture';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});

/**
 * Every endpoint the app has, sorted into kinds by this test's own reading of the rules (not
 * by the gate's), so a mistake in the gate can't also hide the endpoint from the test.
 */
function endpoints() {
  const keys = new Set<string>();
  for (const route of hub.app.routes)
    if (route.method !== 'ALL') keys.add(`${route.method} ${route.path}`);
  return [...keys].sort().map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    const kind = ['POST /api/auth/login', 'POST /api/device/enrol'].includes(key)
      ? 'public'
      : key === 'GET /api/device/ws'
        ? 'hello'
        : path.startsWith('/api/device/')
          ? 'device'
          : 'teacher';
    return { key, method, path, kind };
  });
}

const newClass = { name: 'Year 4 Larks', keyStage: 'ks2', teacherId: 1 };
const FLAG_ID = '6f1c1b5e-0000-4000-8000-00000000f1a9';
const concrete = (path: string) =>
  path
    .replace(/^\/api\/flags\/:id/, `/api/flags/${FLAG_ID}`)
    .replace(':id', String(hub.classIds.robins))
    .replace(':pupilId', '1')
    .replace(':lessonId', '6f1c1b5e-0000-4000-8000-000000000000');
/** A body the endpoint would take from the right caller (extra fields are ignored). */
const validBody = (path: string) =>
  path.startsWith('/api/flags/')
    ? { action: 'Spoke to the pupil', note: 'Worried' }
    : path === '/api/keywords'
      ? { keywords: ['self harm'] }
      : path === '/api/retention'
        ? { days: { keyword_alerts: 30 }, reason: 'Policy' }
        : path === '/api/pupils/:id/erase'
          ? { reason: 'Left the school' }
          : newClass;
const flag = {
  id: FLAG_ID,
  url: 'https://www.example.org/',
  title: 'A page',
  reason: 'upset',
  note: '',
  source: 'popup',
  createdAt: '2026-03-02T08:59:00Z',
  screenshot: 'data:image/jpeg;base64,/9j/4AAQ',
};

const pupilEvent = {
  id: '6f1c1b5e-0000-4000-8000-00000000e001',
  kind: 'zip-it',
  detail: 'postcode',
  outcome: 'teacher-said-ok',
  site: 'chat.example.com',
  createdAt: '2026-03-02T08:59:00Z',
};

describe('the route list', () => {
  it('has the teacher endpoints this test expects (so the loops below cover something)', () => {
    expect(
      endpoints()
        .filter((e) => e.kind === 'teacher')
        .map((e) => e.key),
    ).toEqual([
      'GET /api/auth/me',
      'GET /api/change-log',
      'GET /api/change-log.csv',
      'GET /api/change-requests',
      'GET /api/classes',
      'GET /api/classes/:id/device-health',
      'GET /api/classes/:id/live',
      'GET /api/classes/:id/pupil-events',
      'GET /api/classes/:id/pupil-events/:pupilId',
      'GET /api/classes/:id/pupils',
      'GET /api/classes/:id/requests',
      'GET /api/devices/unassigned',
      'GET /api/erasures',
      'GET /api/flags',
      'GET /api/flags/:id/screenshot',
      'GET /api/incidents.csv',
      'GET /api/incidents/summary',
      'GET /api/keyword-alerts',
      'GET /api/keywords',
      'GET /api/protection-alerts',
      'GET /api/pupils',
      'GET /api/pupils/:id/data.csv',
      'GET /api/pupils/:id/data.json',
      'GET /api/pupils/:id/erasure-plan',
      'GET /api/retention',
      'GET /api/school-sites',
      'GET /api/teacher/ws',
      'GET /api/users',
      'POST /api/auth/logout',
      'POST /api/change-requests',
      'POST /api/change-requests/:id/decide',
      'POST /api/classes',
      'POST /api/classes/:id/lessons',
      'POST /api/classes/:id/lessons/:lessonId/end',
      'POST /api/classes/:id/roster',
      'POST /api/flags/:id/acknowledge',
      'POST /api/flags/:id/close',
      'POST /api/flags/:id/escalate',
      'POST /api/pupils/:id/erase',
      'POST /api/requests/:id/answer',
      'POST /api/school-sites',
      'POST /api/school-sites/:id/remove',
      'POST /api/users',
      'PUT /api/keywords',
      'PUT /api/retention',
    ]);
    expect(
      endpoints()
        .filter((e) => e.kind !== 'teacher')
        .map((e) => e.key),
    ).toEqual([
      'GET /api/device/snapshot',
      'GET /api/device/ws',
      'POST /api/auth/login',
      'POST /api/device/enrol',
      'POST /api/device/filtering-records',
      'POST /api/device/flags',
      'POST /api/device/keyword-alerts',
      'POST /api/device/pupil-events',
      'POST /api/device/requests',
    ]);
    expect([...PUBLIC_ENDPOINTS].sort()).toEqual([
      'POST /api/auth/login',
      'POST /api/device/enrol',
    ]);
    expect([...HELLO_ENDPOINTS]).toEqual(['GET /api/device/ws']);
    for (const endpoint of endpoints())
      expect([endpoint.key, accessFor(endpoint)]).toEqual([endpoint.key, endpoint.kind]);
  });

  it('refuses a device token on every teacher endpoint with 401', async () => {
    const token = await enrol(hub.app, 'amy@test.school');
    expect((await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token })).status).toBe(
      200,
    );
    // A real flag of the device's own pupil, so the flag endpoints have something to refuse.
    const sent = await call(hub.app, 'POST', '/api/device/flags', {
      bearer: token,
      json: { flags: [flag] },
    });
    expect(sent.status).toBe(200);
    // And a real record, so the class's records have something to refuse.
    const recorded = await call(hub.app, 'POST', '/api/device/pupil-events', {
      bearer: token,
      json: { events: [pupilEvent] },
    });
    expect(recorded).toMatchObject({ status: 200, body: { stored: [pupilEvent.id] } });
    for (const endpoint of endpoints().filter((e) => e.kind === 'teacher')) {
      const answer = await call(hub.app, endpoint.method, concrete(endpoint.path), {
        bearer: token,
        // A valid body, so only the credential can be why a change is refused.
        ...(endpoint.method === 'GET' ? {} : { json: validBody(endpoint.path) }),
      });
      expect({ endpoint: endpoint.key, ...answer, headers: undefined }).toEqual({
        endpoint: endpoint.key,
        status: 401,
        body: { error: 'A device token cannot be used here; this is for logged-in teachers.' },
        headers: undefined,
      });
    }
    expect(await hub.db.selectFrom('classes').select('id').execute()).toHaveLength(2);
    // Nor did any of the new list, log or user endpoints change anything.
    for (const table of [
      'change_requests',
      'school_sites',
      'change_log',
      'grants',
      'flag_events',
      'school_keywords',
      'retention_settings',
      'erasures',
    ] as const) {
      expect([table, await hub.db.selectFrom(table).selectAll().execute()]).toEqual([table, []]);
    }
    expect(await hub.db.selectFrom('flags').select('status').execute()).toEqual([
      { status: 'open' },
    ]);
    expect(await hub.db.selectFrom('users').select('id').execute()).toHaveLength(4);
    // Nor was any pupil erased.
    expect(await hub.db.selectFrom('pupils').select('id').execute()).toHaveLength(2);
    expect(await hub.db.selectFrom('devices').select('id').execute()).toHaveLength(1);
  });

  it('refuses a teacher session on every device endpoint with 401', async () => {
    const session = await login(hub.app, 'dina');
    const bodies: Record<string, unknown> = {
      '/api/device/requests': { requests: [] },
      '/api/device/flags': { flags: [flag] },
      '/api/device/keyword-alerts': { alerts: [] },
      '/api/device/pupil-events': {
        events: [{ ...pupilEvent, id: '6f1c1b5e-0000-4000-8000-00000000e002' }],
      },
      '/api/device/filtering-records': {
        records: [
          {
            id: '6f1c1b5e-0000-4000-8000-00000000f001',
            createdAt: '2026-03-02T09:00:00.000Z',
            url: 'https://www.croxyproxy.com/',
            category: 'circumvention',
            verdict: 'blocked',
          },
        ],
      },
    };
    for (const endpoint of endpoints().filter((e) => e.kind === 'device')) {
      const answer = await call(hub.app, endpoint.method, endpoint.path, {
        session,
        ...(endpoint.method === 'GET' ? {} : { json: bodies[endpoint.path] ?? {} }),
      });
      expect([endpoint.key, answer.status, answer.body]).toEqual([
        endpoint.key,
        401,
        { error: 'This needs the device token from enrolment (Authorization: Bearer).' },
      ]);
    }
    // The only record is the one the device sent above; the session's copy was never stored.
    expect(await hub.db.selectFrom('pupil_events').select('device_id').execute()).toHaveLength(1);
    expect(await hub.db.selectFrom('filtering_records').select('id').execute()).toEqual([]);
  });

  it('refuses every endpoint but the public ones without credentials', async () => {
    for (const endpoint of endpoints().filter((e) => !['public', 'hello'].includes(e.kind))) {
      const answer = await call(hub.app, endpoint.method, concrete(endpoint.path));
      expect([endpoint.key, answer.status]).toEqual([endpoint.key, 401]);
      expect(answer.body.error).toEqual(expect.any(String));
    }
  });
});

describe('the device WebSocket', () => {
  it('opens with no credential (its hello carries one) but is only ever a WebSocket', async () => {
    for (const options of [{}, { bearer: await enrol(hub.app, 'hal@test.school') }]) {
      expect(await call(hub.app, 'GET', '/api/device/ws', options)).toMatchObject({
        status: 426,
        body: { error: 'This address is a WebSocket; open it with one.' },
      });
    }
  });
});

describe('unknown routes and large bodies', () => {
  it('answers an unknown route with 404 JSON, with or without credentials', async () => {
    const session = await login(hub.app, 'ada');
    for (const [method, path, options] of [
      ['GET', '/nope', {}],
      ['GET', '/api/nope', {}],
      ['DELETE', '/api/classes', { session }],
      ['GET', '/api/device/nope', {}],
    ] as const) {
      const answer = await call(hub.app, method, path, options);
      expect(answer).toMatchObject({
        status: 404,
        body: { error: `There is no ${method} ${path} on this hub.` },
      });
      expect(answer.headers.get('Content-Type')).toMatch(/^application\/json/);
    }
  });

  it('refuses a JSON body over 64 KB with 413 JSON', async () => {
    const answer = await call(hub.app, 'POST', '/api/auth/login', {
      json: { username: 'ada', password: 'x'.repeat(65 * 1024) },
    });
    expect(answer).toMatchObject({
      status: 413,
      body: { error: 'The request body is too large; the limit is 64 KB.' },
    });
    expect(answer.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('marks every answer not to be cached', async () => {
    const answer = await call(hub.app, 'GET', '/api/auth/me', {
      session: await login(hub.app, 'ada'),
    });
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('the self-hosted extension files', () => {
  it('open without credentials and are no endpoint: the gate is not in front of them', async () => {
    expect(endpoints().filter((e) => e.path.startsWith('/extension'))).toEqual([]);
    // This app has no release folder: the answer is the release's own 404, not the gate's 401.
    for (const path of ['/extension/updates.xml', '/extension/safe-class-0.1.0.crx']) {
      expect(await call(hub.app, 'GET', path)).toMatchObject({
        status: 404,
        body: { error: 'This hub serves no extension release: start it with HUB_RELEASE_DIR set.' },
      });
    }
  });
});
