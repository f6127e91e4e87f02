// The device's filtering record: the block page's report becomes one record, read from the
// block page's own address; anything else that says it is the block page is refused; records
// go to the hub in the contract's shape and stay until the hub holds them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  blockPageSender,
  EXTENSION_ORIGIN,
  fakeBrowser,
  installFakeExtension,
} from './fake-extension';
import { database } from '../../background/database';
import { recordBlockShown } from '../../background/filtering/block-shown';
import { recordBlockedAttempt } from '../../background/filtering/filtering-record-store';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import {
  FILTERING_RECORDS_PATH,
  filteringRecordOutbox,
} from '../../background/outbox/filtering-record-outbox';
import { deliverOutbox } from '../../background/outbox/outbox';
import { refreshManagedState } from '../../background/policy-store';
import { filteringRecordUploadSchema } from '../../shared/filtering-record';

const HUB = 'https://hub.school.example';
const BLOCK_PAGE = `${EXTENSION_ORIGIN}extension/blocked.html`;
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const shown = (url: string, frameId = 0) => ({ ...blockPageSender, url, tab, frameId });

beforeEach(async () => {
  installFakeExtension();
  await database.filteringRecords.clear();
});
afterEach(() => vi.restoreAllMocks());

describe('the block page’s report', () => {
  it('records the blocked address and the reason from the page’s own address', async () => {
    await recordBlockShown(
      {},
      shown(`${BLOCK_PAGE}?ks=ks2&why=images#https://www.google.com/search?q=owls&tbm=isch`),
    );
    await recordBlockShown(
      {},
      shown(`${BLOCK_PAGE}?ks=ks1&why=circumvention#chrome://extensions/`),
    );
    const records = await database.filteringRecords.orderBy('createdAt').toArray();
    expect(records.map(({ url, category, verdict }) => ({ url, category, verdict }))).toEqual([
      {
        url: 'https://www.google.com/search?q=owls&tbm=isch',
        category: 'images',
        verdict: 'blocked',
      },
      { url: 'chrome://extensions/', category: 'circumvention', verdict: 'blocked' },
    ]);
    for (const record of records) expect(filteringRecordUploadSchema.parse(record)).toEqual(record);
  });

  it.each([
    ['another extension page', shown(`${EXTENSION_ORIGIN}extension/popup.html#https://x.example/`)],
    ['a block page in a frame', shown(`${BLOCK_PAGE}?ks=ks2&why=list#https://ads.example/`, 3)],
    ['a block page with no tab', { ...blockPageSender, frameId: 0 }],
    ['a block page naming no address', shown(`${BLOCK_PAGE}?ks=ks2&why=list`)],
    ['an unknown reason', shown(`${BLOCK_PAGE}?ks=ks2&why=fun#https://x.example/`)],
  ])('refuses %s and records nothing', async (_, sender) => {
    await expect(recordBlockShown({}, sender)).rejects.toThrow(/block page/);
    expect(await database.filteringRecords.count()).toBe(0);
  });

  it('keeps a very long address cut to 2,048 characters rather than losing the record', async () => {
    const long = `https://www.google.com/search?q=${'a'.repeat(3000)}&tbm=isch`;
    await recordBlockShown({}, shown(`${BLOCK_PAGE}?ks=ks2&why=images#${long}`));
    const [record] = await database.filteringRecords.toArray();
    expect(record?.url).toBe(long.slice(0, 2048));
  });
});

describe('delivering the filtering record', () => {
  function fakeHub() {
    const uploads: Record<string, unknown>[][] = [];
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
        expect(url).toBe(`${HUB}${FILTERING_RECORDS_PATH}`);
        const body = JSON.parse(String(init.body)) as { records: Record<string, unknown>[] };
        uploads.push(body.records);
        return Response.json({ stored: body.records.map((record) => record.id), conflicts: [] });
      }),
    );
    return uploads;
  }

  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
    await fakeBrowser.storage.managed.set({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
    await refreshManagedState();
  });

  it('uploads them as the contract has them, a hundred at a time, and marks what the hub holds', async () => {
    const uploads = fakeHub();
    for (let i = 0; i < 103; i++) {
      await recordBlockedAttempt({ url: `https://site${i}.example/`, category: 'list' });
    }
    await deliverOutbox(filteringRecordOutbox);
    expect(uploads.map((upload) => upload.length)).toEqual([100, 3]);
    for (const item of uploads.flat()) {
      expect(filteringRecordUploadSchema.strict().parse(item)).toEqual(item);
    }
    expect((await database.filteringRecords.toArray()).every((record) => record.sentAt)).toBe(true);
    await deliverOutbox(filteringRecordOutbox);
    expect(uploads).toHaveLength(2);
  });
});
