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
const concrete = (path: string) =>
  path
    .replace(':id', String(hub.classIds.robins))
    .replace(':lessonId', '6f1c1b5e-0000-4000-8000-000000000000');

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
      'GET /api/classes/:id/live',
      'GET /api/classes/:id/pupils',
      'GET /api/classes/:id/requests',
      'GET /api/devices/unassigned',
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
      'POST /api/requests/:id/answer',
      'POST /api/school-sites',
      'POST /api/school-sites/:id/remove',
      'POST /api/users',
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
    for (const endpoint of endpoints().filter((e) => e.kind === 'teacher')) {
      const answer = await call(hub.app, endpoint.method, concrete(endpoint.path), {
        bearer: token,
        // A valid body, so only the credential can be why a change is refused.
        ...(endpoint.method === 'GET' ? {} : { json: newClass }),
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
    for (const table of ['change_requests', 'school_sites', 'change_log', 'grants'] as const) {
      expect([table, await hub.db.selectFrom(table).selectAll().execute()]).toEqual([table, []]);
    }
    expect(await hub.db.selectFrom('users').select('id').execute()).toHaveLength(4);
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
