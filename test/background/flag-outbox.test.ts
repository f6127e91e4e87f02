import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_SCREENSHOT, fakeBrowser, installFakeExtension } from './fake-extension';
import { database } from '../../background/database';
import { addFlagDetails, storeFlag } from '../../background/flag/flag-store';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import { recordKeywordAlert } from '../../background/keywords/keyword-alerts';
import { flagOutbox, FLAGS_PATH } from '../../background/outbox/flag-outbox';
import {
  keywordAlertOutbox,
  KEYWORD_ALERTS_PATH,
} from '../../background/outbox/keyword-alert-outbox';
import { deliverOutbox, outboxAlarmName } from '../../background/outbox/outbox';
import { deliverOutboxes, outboxForAlarm } from '../../background/outbox/outboxes';
import { refreshManagedState } from '../../background/policy-store';
import { flagUploadSchema, keywordAlertUploadSchema } from '../../shared/flag';

const HUB = 'https://hub.school.example';

interface Upload {
  path: string;
  token: string | null;
  items: Record<string, unknown>[];
}

/** A hub that enrols anyone and answers each upload with `answer` (by default: stores all). */
function fakeHub(
  answer: (upload: Upload, attempt: number) => Response | Promise<Response> = storeAll,
) {
  const uploads: Upload[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === `${HUB}/api/device/enrol`) {
        return Response.json({
          deviceToken: 'device-token-0123456789',
          assigned: true,
          pupil: { name: 'Ava', classId: 1, keyStage: 'ks2' },
        });
      }
      const path = url.slice(HUB.length);
      const body = JSON.parse(String(init.body)) as Record<string, Record<string, unknown>[]>;
      const items = path === FLAGS_PATH ? body.flags : body.alerts;
      expect(Object.keys(body)).toEqual([path === FLAGS_PATH ? 'flags' : 'alerts']);
      const upload = {
        path,
        token: new Headers(init.headers).get('Authorization'),
        items: items ?? [],
      };
      uploads.push(upload);
      return answer(upload, uploads.length);
    }),
  );
  return uploads;
}
function storeAll(upload: Upload) {
  return Response.json({ stored: upload.items.map((item) => item.id), conflicts: [] });
}

const flag = (url = 'https://games.example/', screenshot: string | null = null) =>
  storeFlag({ url, title: 'Games', source: 'popup', screenshot });

async function useHub(fields: Record<string, unknown> = {}) {
  await fakeBrowser.storage.managed.set({
    hubUrl: HUB,
    enrolmentToken: 'school-token-123',
    ...fields,
  });
  await refreshManagedState();
}

beforeEach(async () => {
  installFakeExtension();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  await database.flags.clear();
  await database.keywordAlerts.clear();
  await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
  await useHub();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('delivering flags', () => {
  it('uploads flags as the contract has them, five at a time, and marks what the hub holds', async () => {
    const uploads = fakeHub();
    const flags = [];
    for (let i = 0; i < 7; i++) flags.push(await flag(`https://site${i}.example/`));
    await deliverOutbox(flagOutbox);

    expect(uploads.map((upload) => [upload.path, upload.items.length])).toEqual([
      [FLAGS_PATH, 5],
      [FLAGS_PATH, 2],
    ]);
    expect(uploads[0]?.token).toBe('Bearer device-token-0123456789');
    for (const item of uploads.flatMap((upload) => upload.items)) {
      expect(flagUploadSchema.strict().parse(item)).toEqual(item);
      expect(item).toMatchObject({ reason: null, note: '', source: 'popup' });
    }
    expect(new Set(uploads.flatMap((upload) => upload.items.map((item) => item.id)))).toEqual(
      new Set(flags.map((stored) => stored.id)),
    );
    expect((await database.flags.toArray()).every((stored) => stored.sentAt)).toBe(true);
    await deliverOutbox(flagOutbox);
    expect(uploads).toHaveLength(2);
  });

  it('sends the same id again once the pupil says what happened', async () => {
    const uploads = fakeHub();
    const stored = await flag();
    await deliverOutbox(flagOutbox);
    await addFlagDetails(stored.id, 'unkind', 'they called me names');
    await deliverOutbox(flagOutbox, { urgent: true });

    expect(uploads.map((upload) => upload.items.map((item) => [item.id, item.reason]))).toEqual([
      [[stored.id, null]],
      [[stored.id, 'unkind']],
    ]);
    expect(uploads[1]?.items[0]).toMatchObject({ note: 'they called me names' });
    expect((await database.flags.get(stored.id))?.sentAt).toBeDefined();
  });

  it('sends details again that were added while the first upload was on its way', async () => {
    const stored = await flag();
    const uploads = fakeHub(async (upload, attempt) => {
      // The pupil answers "What happened?" while the press is still being uploaded.
      if (attempt === 1) await addFlagDetails(stored.id, 'upset', '');
      return storeAll(upload);
    });
    await deliverOutbox(flagOutbox);
    expect((await database.flags.get(stored.id))?.sentAt).toBeUndefined();
    await deliverOutbox(flagOutbox, { urgent: true });
    expect(uploads.map((upload) => upload.items[0]?.reason)).toEqual([null, 'upset']);
    expect((await database.flags.get(stored.id))?.sentAt).toBeDefined();
  });

  it('sends a screenshot once and then lets it leave the device', async () => {
    await useHub({ flagScreenshots: true });
    const uploads = fakeHub();
    const stored = await flag('https://games.example/', FAKE_SCREENSHOT);
    await deliverOutbox(flagOutbox);
    expect(uploads[0]?.items[0]?.screenshot).toBe(FAKE_SCREENSHOT);
    expect((await database.flags.get(stored.id))?.screenshot).toBeNull();
  });

  it('keeps flags on the device while the school names no hub', async () => {
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ keyStage: 'ks2' });
    await refreshManagedState();
    const uploads = fakeHub();
    const stored = await flag();
    await deliverOutbox(flagOutbox, { urgent: true });
    expect(uploads).toEqual([]);
    expect((await database.flags.get(stored.id))?.sentAt).toBeUndefined();
    expect(await fakeBrowser.alarms.get(outboxAlarmName(flagOutbox))).toBeUndefined();
  });

  it('retries on its own alarm while the hub is down, and gets through when it is back', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    let hubUp = false;
    const uploads = fakeHub((upload) => {
      if (!hubUp) return Response.json({ error: 'down' }, { status: 503 });
      return storeAll(upload);
    });
    const stored = await flag();
    await deliverOutbox(flagOutbox);
    const alarm = await fakeBrowser.alarms.get(outboxAlarmName(flagOutbox));
    expect(alarm).toBeDefined();
    expect(outboxForAlarm(alarm?.name ?? '')).toBe(flagOutbox);

    hubUp = true;
    // As after a worker restart: the alarm wakes it and main.ts delivers that kind.
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(async () =>
      expect((await database.flags.get(stored.id))?.sentAt).toBeDefined(),
    );
    expect(uploads).toHaveLength(2);
    expect(await fakeBrowser.alarms.get(outboxAlarmName(flagOutbox))).toBeUndefined();
  });

  it('gives a flag whose id the hub holds from another device a new id', async () => {
    const uploads = fakeHub((upload, attempt) =>
      attempt === 1
        ? Response.json({ stored: [], conflicts: upload.items.map((item) => item.id) })
        : storeAll(upload),
    );
    const stored = await flag();
    await deliverOutbox(flagOutbox);
    expect(uploads).toHaveLength(2);
    const renewed = String(uploads[1]?.items[0]?.id);
    expect(renewed).not.toBe(stored.id);
    expect(await database.flags.get(stored.id)).toBeUndefined();
    expect(await database.flags.get(renewed)).toMatchObject({ url: 'https://games.example/' });
  });

  it('marks sent only what the hub says it stored', async () => {
    const first = await flag('https://one.example/');
    const second = await flag('https://two.example/');
    fakeHub(() => Response.json({ stored: [first.id], conflicts: [] }));
    await deliverOutbox(flagOutbox);
    expect((await database.flags.get(first.id))?.sentAt).toBeDefined();
    expect((await database.flags.get(second.id))?.sentAt).toBeUndefined();
  });
});

describe('delivering keyword alerts', () => {
  it('uploads alerts as the contract has them and marks what the hub holds', async () => {
    await useHub({ keywords: ['self harm'] });
    const uploads = fakeHub();
    expect(
      await recordKeywordAlert({
        keyword: 'self harm',
        where: 'search',
        url: 'https://www.google.com/search?q=self+harm',
      }),
    ).toBe(true);
    await deliverOutbox(keywordAlertOutbox);
    expect(uploads.map((upload) => upload.path)).toEqual([KEYWORD_ALERTS_PATH]);
    const [item] = uploads[0]?.items ?? [];
    expect(keywordAlertUploadSchema.strict().parse(item)).toEqual(item);
    expect(item).toMatchObject({
      keyword: 'self harm',
      where: 'search',
      url: 'https://www.google.com/search?q=self+harm',
    });
    expect((await database.keywordAlerts.toArray()).every((alert) => alert.sentAt)).toBe(true);
  });

  it('are sent with flags and requests on every trigger', async () => {
    await useHub({ keywords: ['grooming'] });
    const uploads = fakeHub();
    await flag();
    await recordKeywordAlert({ keyword: 'grooming', where: 'title', url: 'https://news.example/' });
    await deliverOutboxes({ urgent: true });
    expect(uploads.map((upload) => upload.path).sort()).toEqual(
      [FLAGS_PATH, KEYWORD_ALERTS_PATH].sort(),
    );
    expect(outboxForAlarm(outboxAlarmName(keywordAlertOutbox))).toBe(keywordAlertOutbox);
  });
});
