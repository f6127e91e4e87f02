import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSender, fakeBrowser, installFakeExtension } from './fake-extension';
import { database } from '../../background/database';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import { deliverOutbox } from '../../background/outbox/outbox';
import { pupilEventOutbox, PUPIL_EVENTS_PATH } from '../../background/outbox/pupil-event-outbox';
import { refreshManagedState } from '../../background/policy-store';
import { contentPupilEvent } from '../../background/pupil-events/pupil-event-handlers';
import { recordPupilEvent } from '../../background/pupil-events/pupil-event-store';
import { pupilEventUploadSchema, siteOf } from '../../shared/pupil-event';

const HUB = 'https://hub.school.example';

/** A hub that enrols anyone and answers each upload with `answer` (by default: stores all). */
function fakeHub(answer: (ids: string[]) => { stored: string[]; conflicts: string[] }) {
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
      expect(url).toBe(`${HUB}${PUPIL_EVENTS_PATH}`);
      const body = JSON.parse(String(init.body)) as { events: Record<string, unknown>[] };
      uploads.push(body.events);
      return Response.json(answer(body.events.map((event) => String(event.id))));
    }),
  );
  return uploads;
}

beforeEach(async () => {
  installFakeExtension();
  await database.pupilEvents.clear();
  await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
  await fakeBrowser.storage.managed.set({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
  await refreshManagedState();
});

afterEach(() => vi.restoreAllMocks());

describe('recording a prompt from a content script', () => {
  it('keeps the type, the choice and the hostname of the sender, nothing else', async () => {
    const sender = { ...contentSender, url: 'https://Chat.Example.org./room/7?name=Ava#x' };
    await contentPupilEvent(
      {
        kind: 'block-it',
        detail: 'link',
        outcome: 'stayed',
        targetUrl: 'https://unknown.example/path?secret=1',
      },
      sender,
    );
    const [event] = await database.pupilEvents.toArray();
    expect(event).toMatchObject({
      kind: 'block-it',
      detail: 'link',
      outcome: 'stayed',
      site: 'chat.example.org',
      target: 'unknown.example',
    });
    expect(JSON.stringify(event)).not.toMatch(/secret|room|Ava/);
  });

  it('refuses a detail or an outcome its kind does not have, and stores nothing', async () => {
    await expect(
      recordPupilEvent({ kind: 'zip-it', detail: 'link', outcome: 'kept-private', site: 'a.org' }),
    ).rejects.toThrow(/detail: expected one of postcode/);
    await expect(
      recordPupilEvent({ kind: 'copyright', detail: 'image', outcome: 'stayed', site: 'a.org' }),
    ).rejects.toThrow(/outcome: expected one of reminded, citation-copied/);
    expect(await database.pupilEvents.count()).toBe(0);
  });

  it('refuses a sender that is not a web page', async () => {
    const sender = { ...contentSender, url: 'file:///home/pupil/notes.html' };
    await expect(
      contentPupilEvent({ kind: 'copyright', detail: 'image', outcome: 'reminded' }, sender),
    ).rejects.toThrow(/web page/);
  });

  it.each([
    ['https://www.bbc.co.uk/news', 'www.bbc.co.uk'],
    ['http://192.168.0.10:8080/', '192.168.0.10'],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['chrome://extensions', null],
    ['not a url', null],
  ])('names %s by its host %s', (url, host) => expect(siteOf(url)).toBe(host));
});

describe('delivering pupil events', () => {
  it('uploads them as the contract has them, fifty at a time, and marks what the hub holds', async () => {
    const uploads = fakeHub((ids) => ({ stored: ids, conflicts: [] }));
    for (let i = 0; i < 53; i++) {
      await recordPupilEvent({
        kind: 'download',
        detail: 'program',
        outcome: 'blocked',
        site: `site${i}.example`,
        fileType: '.exe',
      });
    }
    await deliverOutbox(pupilEventOutbox);
    expect(uploads.map((upload) => upload.length)).toEqual([50, 3]);
    for (const item of uploads.flat()) {
      expect(pupilEventUploadSchema.parse(item)).toEqual(item);
      expect(item).not.toHaveProperty('sentAt');
    }
    expect((await database.pupilEvents.toArray()).every((event) => event.sentAt)).toBe(true);
    await deliverOutbox(pupilEventOutbox);
    expect(uploads).toHaveLength(2);
  });

  it('gives a record the hub holds from another device a new id, and sends it again', async () => {
    const first = await recordPupilEvent({
      kind: 'copyright',
      detail: 'copied-text',
      outcome: 'reminded',
      site: 'kids.britannica.com',
    });
    let calls = 0;
    const uploads = fakeHub((ids) =>
      ++calls === 1 ? { stored: [], conflicts: ids } : { stored: ids, conflicts: [] },
    );
    await deliverOutbox(pupilEventOutbox);
    expect(uploads).toHaveLength(2);
    expect(uploads[1]?.[0]?.id).not.toBe(first.id);
    const [kept] = await database.pupilEvents.toArray();
    expect(kept).toMatchObject({ site: 'kids.britannica.com', sentAt: expect.any(String) });
  });
});
