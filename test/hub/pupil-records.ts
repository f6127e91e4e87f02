// A hub holding a bit of everything about two pupils and an unassigned device, made through the
// real endpoints, for the retention, subject-access and erasure tests.
//   Amy (Robins, two devices): request 1 allowed for the lesson (a grant), request 2 denied,
//     flag 1 open with a screenshot and a formula in its title, flag 2 acknowledged and closed
//     by the DSL, keyword alert 11, prompt records 31 (Zip It) and 32 (a download, from the
//     tablet).
//   Hal (Hawks): request 3, flag 3, keyword alert 12, prompt record 33.
//   An account on no roster (new@test.school): flag 4, prompt record 34.
import { expect } from 'vitest';
import {
  flag,
  keywordAlert,
  pupilEvent,
  SCREENSHOT,
  uploadAlerts,
  uploadFlags,
  uploadPupilEvents,
  uuid,
} from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

export interface PupilRecords {
  hub: TestHub;
  ada: Session;
  dina: Session;
  ali: Session;
  tokens: { amy: string; amyTablet: string; hal: string; stray: string };
  pupilIds: { amy: number; hal: number };
  lessonId: string;
}

const ok = (answer: { status: number; body: unknown }, status = 200) =>
  expect([answer.status, answer.body]).toEqual([status, expect.anything()]);

export const askToVisit = async (hub: TestHub, token: string, n: number, reason: string) =>
  ok(
    await call(hub.app, 'POST', '/api/device/requests', {
      bearer: token,
      json: {
        requests: [
          {
            id: uuid(n),
            url: `https://site${n}.example.org/page`,
            reason,
            createdAt: hub.services.now().toISOString(),
          },
        ],
      },
    }),
  );

export async function withPupilRecords(): Promise<PupilRecords> {
  const hub = await createTestHub();
  const ada = await login(hub.app, 'ada');
  const dina = await login(hub.app, 'dina');
  const ali = await login(hub.app, 'ali');
  const tokens = {
    amy: await enrol(hub.app, 'amy@test.school', 'chromebook-amy'),
    amyTablet: await enrol(hub.app, 'amy@test.school', 'tablet-amy'),
    hal: await enrol(hub.app, 'hal@test.school', 'chromebook-hal'),
    stray: await enrol(hub.app, 'new@test.school', 'chromebook-new'),
  };
  const pupils = await hub.db.selectFrom('pupils').select(['id', 'email']).execute();
  const idOf = (email: string) => pupils.find((pupil) => pupil.email === email)?.id as number;

  const started = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
    session: ada,
    json: { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 },
  });
  ok(started, 201);
  const lessonId = (started.body.lesson as { id: string }).id;

  await askToVisit(hub, tokens.amy, 1, 'For my volcano project');
  await askToVisit(hub, tokens.amyTablet, 2, 'I want to play');
  await askToVisit(hub, tokens.hal, 3, 'Hal wants this');
  const answer = (session: Session, n: number, json: unknown) =>
    call(hub.app, 'POST', `/api/requests/${uuid(n)}/answer`, { session, json });
  ok(await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' }));
  ok(await answer(ada, 2, { decision: 'deny' }));

  const now = hub.services.now().toISOString();
  ok(
    await uploadFlags(hub.app, tokens.amy, [
      flag(1, {
        title: '=HYPERLINK("https://evil.example","click")',
        reason: 'upset',
        note: 'Amy saw something',
        screenshot: SCREENSHOT,
        createdAt: now,
      }),
      flag(2, { reason: 'unkind', createdAt: now }),
    ]),
  );
  ok(await uploadFlags(hub.app, tokens.hal, [flag(3, { title: 'Hal page', createdAt: now })]));
  ok(await uploadFlags(hub.app, tokens.stray, [flag(4, { createdAt: now })]));
  const step = (session: Session, n: number, name: string, json: unknown) =>
    call(hub.app, 'POST', `/api/flags/${uuid(n)}/${name}`, { session, json });
  ok(await step(ada, 2, 'acknowledge', { action: 'Spoke to Amy' }));
  ok(await step(dina, 2, 'close', { action: 'Talked to parents' }));

  ok(await uploadAlerts(hub.app, tokens.amy, [keywordAlert(11, { createdAt: now })]));
  ok(await uploadAlerts(hub.app, tokens.hal, [keywordAlert(12, { createdAt: now })]));

  const upload = (token: string, n: number, overrides: Record<string, unknown> = {}) =>
    uploadPupilEvents(hub.app, token, [pupilEvent(n, { createdAt: now, ...overrides })]);
  ok(await upload(tokens.amy, 31, { outcome: 'teacher-said-ok' }));
  ok(
    await upload(tokens.amyTablet, 32, {
      kind: 'download',
      detail: 'program',
      outcome: 'blocked',
      site: 'games.example.net',
      fileType: '.exe',
    }),
  );
  ok(await upload(tokens.hal, 33, { site: 'hal.example.org' }));
  ok(await upload(tokens.stray, 34));

  return {
    hub,
    ada,
    dina,
    ali,
    tokens,
    pupilIds: { amy: idOf('amy@test.school'), hal: idOf('hal@test.school') },
    lessonId,
  };
}
