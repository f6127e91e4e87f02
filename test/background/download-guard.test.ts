// The download guard in the worker, against the fake browser: what it cancels, what it lets
// through, what it records and which page it opens; the one-time pass behind a teacher's yes;
// and a download request answered on the options page, which allows no site.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import {
  adminAnswerRequest,
  adminGetState,
  adminSetFirstPin,
} from '../../background/admin-handlers';
import { database } from '../../background/database';
import {
  guardDownload,
  NO_SOURCE_SITE,
  type DownloadAttempt,
} from '../../background/downloads/download-guard';
import { startApprovedDownload } from '../../background/downloads/download-pass';
import { storeDownloadRequest } from '../../background/downloads/download-requests';
import { answerVisitRequest } from '../../background/visit-requests';

interface FakeDownloads {
  cancelled: number[];
  erased: number[];
  started: string[];
  cancelError: Error | null;
}

let downloads: FakeDownloads;
let tabs: string[];

beforeEach(async () => {
  installFakeExtension();
  await database.visitRequests.clear();
  await database.pupilEvents.clear();
  downloads = { cancelled: [], erased: [], started: [], cancelError: null };
  tabs = [];
  Object.assign(fakeBrowser, {
    downloads: {
      cancel: async (id: number) => {
        if (downloads.cancelError) throw downloads.cancelError;
        downloads.cancelled.push(id);
      },
      erase: async ({ id }: { id: number }) => void downloads.erased.push(id),
      download: async ({ url }: { url: string }) => {
        downloads.started.push(url);
        return 99;
      },
    },
  });
  Object.assign(fakeBrowser.tabs, {
    create: async ({ url }: { url: string }) => {
      tabs.push(url);
      return { id: tabs.length };
    },
  });
});

// With no policy stored, KS1's starter list is in force: www.topmarks.co.uk is approved.
const APPROVED = 'https://www.topmarks.co.uk/files/';
const ELSEWHERE = 'https://files.elsewhere.example/';
let nextId = 1;

function attempt(filename: string, mime: string, base = APPROVED): DownloadAttempt {
  const url = `${base}${filename}`;
  return { id: nextId++, filename, mime, url, finalUrl: url, referrer: APPROVED };
}

async function guard(download: DownloadAttempt) {
  const suggest = vi.fn();
  const judged = await guardDownload(download, suggest);
  return { judged, suggested: suggest.mock.calls.length > 0 };
}

const records = () => database.pupilEvents.orderBy('createdAt').toArray();
const pageQuery = (url: string | undefined) => new URL(url ?? 'about:blank');

describe('the download guard', () => {
  it('cancels and erases a program, records it and shows the pupil why', async () => {
    const download = attempt('setup.exe', 'application/x-msdownload');
    const { suggested } = await guard(download);
    expect(suggested).toBe(false);
    expect(downloads.cancelled).toEqual([download.id]);
    expect(downloads.erased).toEqual([download.id]);
    expect(await records()).toEqual([
      expect.objectContaining({
        kind: 'download',
        detail: 'program',
        outcome: 'blocked',
        site: 'www.topmarks.co.uk',
        fileType: '.exe',
      }),
    ]);
    const page = pageQuery(tabs[0]);
    expect(page.pathname).toBe('/extension/download.html');
    expect(Object.fromEntries(page.searchParams)).toEqual({
      ks: 'ks1',
      why: 'program',
      file: 'setup.exe',
      from: 'www.topmarks.co.uk',
    });
    // A blocked file's address is not handed on: there is nothing to ask for.
    expect(page.hash).toBe('');
  });

  it('lets a document from an approved site through, records it and opens nothing', async () => {
    const { suggested } = await guard(attempt('worksheet.pdf', 'application/pdf'));
    expect(suggested).toBe(true);
    expect(downloads.cancelled).toEqual([]);
    expect(tabs).toEqual([]);
    expect(await records()).toEqual([
      expect.objectContaining({ detail: 'document', outcome: 'allowed', fileType: '.pdf' }),
    ]);
  });

  it('blocks a document from a site the pupil may not use', async () => {
    const { suggested } = await guard(attempt('worksheet.pdf', 'application/pdf', ELSEWHERE));
    expect(suggested).toBe(false);
    expect(pageQuery(tabs[0]).searchParams.get('why')).toBe('unapproved-source');
    expect((await records())[0]).toMatchObject({
      detail: 'document',
      outcome: 'blocked',
      site: 'files.elsewhere.example',
    });
  });

  it('holds music, hands the page its address, and shows a request already made', async () => {
    const song = attempt('song.mp3', 'audio/mpeg');
    await guard(song);
    expect(downloads.cancelled).toEqual([song.id]);
    const first = pageQuery(tabs[0]);
    expect(first.searchParams.get('why')).toBe('media');
    expect(first.hash).toBe(`#${song.url}`);
    expect(first.searchParams.get('request')).toBeNull();
    expect((await records())[0]).toMatchObject({ detail: 'media', outcome: 'held' });

    const asked = await storeDownloadRequest(song.url, 'song.mp3');
    // Asking twice for one file is one request.
    expect((await storeDownloadRequest(song.url, 'song.mp3')).id).toBe(asked.id);
    await guard(attempt('song.mp3', 'audio/mpeg'));
    expect(pageQuery(tabs[1]).searchParams.get('request')).toBe(asked.id);
  });

  it('records a file with no web address behind it under a name no host can have', async () => {
    await guard({
      id: 7,
      filename: 'a.txt',
      mime: 'text/plain',
      url: 'data:text/plain,hi',
      finalUrl: 'data:text/plain,hi',
    });
    expect((await records())[0]).toMatchObject({ outcome: 'blocked', site: NO_SOURCE_SITE });
  });

  it('leaves a download unnamed (never written) when Chrome refuses to cancel it', async () => {
    downloads.cancelError = new Error('Download must be in progress');
    const { suggested } = await guard(attempt('setup.exe', 'application/x-msdownload'));
    expect(suggested).toBe(false);
    expect((await records())[0]).toMatchObject({ outcome: 'blocked' });
  });
});

describe('a teacher’s yes to a held download', () => {
  const SONG = `${APPROVED}song.mp3`;
  const fromWorker = (url: string): DownloadAttempt => ({
    ...attempt('song.mp3', 'audio/mpeg'),
    url,
    finalUrl: url,
    byExtensionId: fakeBrowser.runtime.id,
  });

  it('starts the download with a pass that lets exactly that file through once', async () => {
    const asked = await storeDownloadRequest(SONG, 'song.mp3');
    await expect(startApprovedDownload(asked.id)).rejects.toThrow(
      'Your teacher has not said yes to this file.',
    );
    await answerVisitRequest(asked.id, 'approved', '@hub');
    await startApprovedDownload(asked.id);
    expect(downloads.started).toEqual([SONG]);

    // Another file is not let through by this pass, nor the same one started by a web page.
    expect((await guard(fromWorker(`${APPROVED}other.mp3`))).suggested).toBe(false);
    expect((await guard({ ...fromWorker(SONG), byExtensionId: undefined })).suggested).toBe(false);

    const { suggested, judged } = await guard(fromWorker(SONG));
    expect(suggested).toBe(true);
    expect(judged?.outcome).toBe('approved');
    expect((await database.visitRequests.get(asked.id))?.downloadedAt).toEqual(expect.any(String));
    expect((await records()).at(-1)).toMatchObject({ detail: 'media', outcome: 'approved' });

    // Once: the pass is gone and the request is used up.
    expect((await guard(fromWorker(SONG))).suggested).toBe(false);
    await expect(startApprovedDownload(asked.id)).rejects.toThrow(
      'This file has already been downloaded once.',
    );
  });

  it('never lets a program through on a pass, whatever the teacher said', async () => {
    const asked = await storeDownloadRequest(SONG, 'song.mp3');
    await answerVisitRequest(asked.id, 'approved', '@hub');
    await startApprovedDownload(asked.id);
    const swapped = { ...fromWorker(SONG), mime: 'application/x-msdownload' };
    expect((await guard(swapped)).suggested).toBe(false);
    expect((await database.visitRequests.get(asked.id))?.downloadedAt).toBeUndefined();
  });

  it('is answered on the options page without adding any site to a list', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Mr Jones' });
    const asked = await storeDownloadRequest(SONG, 'song.mp3');
    const before = (await adminGetState({ token })).lists;
    await adminAnswerRequest({ token, id: asked.id, decision: 'approve' });
    const state = await adminGetState({ token });
    expect(state.lists).toEqual(before);
    expect(state.requests[0]).toMatchObject({
      kind: 'download',
      fileName: 'song.mp3',
      status: 'approved',
      answeredBy: 'Mr Jones',
    });
    await expect(adminAnswerRequest({ token, id: asked.id, decision: 'deny' })).rejects.toThrow(
      'This request has already been answered.',
    );
  }, 20_000);
});
