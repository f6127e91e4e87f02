import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import { database } from '../../background/database';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import { deliverOutbox, outboxAlarmName, retryDelayMs } from '../../background/outbox/outbox';
import { outboxForAlarm } from '../../background/outbox/outboxes';
import {
  visitRequestOutbox,
  VISIT_REQUESTS_PATH,
} from '../../background/outbox/visit-request-outbox';
import { refreshManagedState } from '../../background/policy-store';
import { LOCAL_KEYS } from '../../background/storage-keys';
import { answerVisitRequest, storeVisitRequest } from '../../background/visit-requests';
import { storeDownloadRequest } from '../../background/downloads/download-requests';

const HUB = 'https://hub.school.example';
const ALARM = outboxAlarmName(visitRequestOutbox);

interface Upload {
  token: string | null;
  ids: string[];
}

/**
 * A hub that enrols anyone and answers uploads with `answer` (by default: stores them all).
 * Every upload is recorded.
 */
function fakeHub(answer: (upload: Upload, attempt: number) => Response | Promise<Response>) {
  const uploads: Upload[] = [];
  let enrolments = 0;
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (url === `${HUB}/api/device/enrol`) {
      enrolments++;
      return Response.json({
        deviceToken: `device-token-${enrolments}-0123456789`,
        assigned: true,
        pupil: { name: 'Ava', classId: 1, keyStage: 'ks2' },
      });
    }
    expect(url).toBe(`${HUB}${VISIT_REQUESTS_PATH}`);
    const headers = new Headers(init.headers);
    const body = JSON.parse(String(init.body)) as { requests: { id: string }[] };
    const upload = {
      token: headers.get('Authorization'),
      ids: body.requests.map((request) => request.id),
    };
    uploads.push(upload);
    return answer(upload, uploads.length);
  });
  vi.stubGlobal('fetch', fetch);
  return { uploads, enrolments: () => enrolments };
}
const storeAll = (upload: Upload) => Response.json({ stored: upload.ids, conflicts: [] });

type RetryRecord = { failures: number; notBefore: number; hubAsked: boolean };
const retryRecord = async (): Promise<RetryRecord | undefined> => {
  const stored = await fakeBrowser.storage.local.get(LOCAL_KEYS.outboxRetry);
  const retries = (stored[LOCAL_KEYS.outboxRetry] ?? {}) as Record<string, RetryRecord>;
  return retries[visitRequestOutbox.name];
};

beforeEach(async () => {
  installFakeExtension();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  await database.visitRequests.clear();
  await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
  await fakeBrowser.storage.managed.set({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
  await refreshManagedState();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('delivering "ask to visit" requests', () => {
  it('uploads pending requests in batches of 50 and marks the ones the hub holds', async () => {
    const hub = fakeHub(storeAll);
    const requests = [];
    for (let i = 0; i < 60; i++) {
      requests.push(await storeVisitRequest(`https://site${i}.example/`, `reason ${i}`));
    }
    await deliverOutbox(visitRequestOutbox);

    expect(hub.uploads.map((upload) => upload.ids.length)).toEqual([50, 10]);
    expect(hub.uploads[0]?.token).toBe('Bearer device-token-1-0123456789');
    expect(new Set(hub.uploads.flatMap((upload) => upload.ids))).toEqual(
      new Set(requests.map((request) => request.id)),
    );
    const stored = await database.visitRequests.toArray();
    expect(stored.every((request) => typeof request.sentAt === 'string')).toBe(true);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();

    // Delivered requests are never sent again.
    await deliverOutbox(visitRequestOutbox);
    expect(hub.uploads).toHaveLength(2);
  });

  it('does not upload a request a teacher answered on the options page first', async () => {
    const hub = fakeHub(storeAll);
    const answered = await storeVisitRequest('https://games.example/', '');
    await answerVisitRequest(answered.id, 'denied', 'Ms Patel');
    const waiting = await storeVisitRequest('https://www.youtube.com/', 'Vikings');
    await deliverOutbox(visitRequestOutbox);
    expect(hub.uploads.map((upload) => upload.ids)).toEqual([[waiting.id]]);
    expect((await database.visitRequests.get(answered.id))?.sentAt).toBeUndefined();
  });

  it('keeps requests on the device while the school names no hub', async () => {
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ keyStage: 'ks2' });
    await refreshManagedState();
    const hub = fakeHub(storeAll);
    const request = await storeVisitRequest('https://games.example/', '');
    await deliverOutbox(visitRequestOutbox, { urgent: true });
    expect(hub.uploads).toEqual([]);
    expect((await database.visitRequests.get(request.id))?.sentAt).toBeUndefined();
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('gives a request whose id the hub holds from another device a new id', async () => {
    const hub = fakeHub((upload, attempt) =>
      attempt === 1
        ? Response.json({ stored: [], conflicts: upload.ids })
        : Response.json({ stored: upload.ids, conflicts: [] }),
    );
    const request = await storeVisitRequest('https://games.example/', 'maths');
    await deliverOutbox(visitRequestOutbox);
    expect(hub.uploads).toHaveLength(2);
    const renewed = hub.uploads[1]?.ids[0];
    expect(renewed).not.toBe(request.id);
    expect(await database.visitRequests.get(request.id)).toBeUndefined();
    expect(await database.visitRequests.get(renewed ?? '')).toMatchObject({
      url: 'https://games.example/',
      reason: 'maths',
      status: 'pending',
    });
  });
});

describe('retrying', () => {
  it('backs off exponentially with jitter, from about a second to five minutes', () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(6_000);
    expect(retryDelayMs(30, () => 1)).toBe(300_000);
    expect(retryDelayMs(30, () => 0)).toBe(150_000);
  });

  it('retries a failed upload after a growing wait, on an alarm that outlives the worker', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    let hubUp = false;
    const hub = fakeHub((upload) => {
      if (!hubUp) throw new TypeError('Failed to fetch');
      return storeAll(upload);
    });
    const request = await storeVisitRequest('https://games.example/', '');

    const before = Date.now();
    await deliverOutbox(visitRequestOutbox);
    expect(await retryRecord()).toMatchObject({ failures: 1, hubAsked: false });
    const first = await fakeBrowser.alarms.get(ALARM);
    expect(first?.scheduledTime).toBeGreaterThanOrEqual(before + 1_000);
    expect(first?.scheduledTime).toBeLessThan(Date.now() + 1_100);

    // The alarm wakes the worker (main.ts looks the kind up by the alarm's name).
    const kind = outboxForAlarm(ALARM);
    expect(kind).toBe(visitRequestOutbox);
    // Too early: a trigger during the wait (the watchdog, say) does not try again.
    await deliverOutbox(visitRequestOutbox);
    expect(hub.uploads).toHaveLength(1);

    // The in-memory timer is the fast path while the worker lives.
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () => expect((await retryRecord())?.failures).toBe(2));
    expect(hub.uploads).toHaveLength(2);
    const second = await fakeBrowser.alarms.get(ALARM);
    expect(second?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 1_500);

    hubUp = true;
    // A new request is a reason to try at once, whatever the backoff.
    await deliverOutbox(visitRequestOutbox, { urgent: true });
    expect((await database.visitRequests.get(request.id))?.sentAt).toBeDefined();
    expect(await retryRecord()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('forgets the enrolment when the hub refuses the device token, and enrols again', async () => {
    let refuse = true;
    const hub = fakeHub((upload) => {
      if (refuse) return Response.json({ error: 'unknown token' }, { status: 401 });
      return storeAll(upload);
    });
    const request = await storeVisitRequest('https://games.example/', '');
    await deliverOutbox(visitRequestOutbox);
    expect(await fakeBrowser.storage.local.get(LOCAL_KEYS.hubEnrolment)).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();

    refuse = false;
    await deliverOutbox(visitRequestOutbox, { urgent: true });
    expect(hub.enrolments()).toBe(2);
    expect(hub.uploads[1]?.token).toBe('Bearer device-token-2-0123456789');
    expect((await database.visitRequests.get(request.id))?.sentAt).toBeDefined();
  });

  it('waits as long as the hub asks (429 Retry-After), even when a trigger is urgent', async () => {
    const hub = fakeHub(
      () =>
        new Response(JSON.stringify({ error: 'slow down' }), {
          status: 429,
          headers: { 'Retry-After': '120' },
        }),
    );
    await storeVisitRequest('https://games.example/', '');
    const before = Date.now();
    await deliverOutbox(visitRequestOutbox);
    expect(await retryRecord()).toMatchObject({ failures: 1, hubAsked: true });
    expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBeGreaterThanOrEqual(
      before + 120_000,
    );
    await deliverOutbox(visitRequestOutbox, { urgent: true });
    expect(hub.uploads).toHaveLength(1);
  });
});

describe('delivering download requests', () => {
  it('uploads a held file’s request with its kind and name, and a visit request without', async () => {
    const bodies: unknown[] = [];
    const hub = fakeHub((upload) => storeAll(upload));
    const fetch = vi.mocked(globalThis.fetch);
    const song = await storeDownloadRequest('https://music.example/song.mp3', 'song.mp3');
    const visit = await storeVisitRequest('https://games.example/', '');
    await deliverOutbox(visitRequestOutbox);
    for (const [url, init] of fetch.mock.calls) {
      if (String(url).endsWith(VISIT_REQUESTS_PATH)) bodies.push(JSON.parse(String(init?.body)));
    }
    expect(hub.uploads).toHaveLength(1);
    expect(bodies).toEqual([
      {
        requests: expect.arrayContaining([
          {
            id: song.id,
            url: 'https://music.example/song.mp3',
            reason: '',
            createdAt: song.createdAt,
            kind: 'download',
            fileName: 'song.mp3',
          },
          { id: visit.id, url: 'https://games.example/', reason: '', createdAt: visit.createdAt },
        ]),
      },
    ]);
  });
});
