// The prompts' content scripts as the worker registers them: the prompts script on every web
// page, the how-to-block help script only on the messaging platforms' hosts, and a registration
// an older version left replaced rather than kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeExtension, type FakeDnr } from './fake-extension';
import {
  BLOCK_HELP_SCRIPT,
  PROMPTS_SCRIPT,
  syncPromptsScript,
} from '../../background/prompts/prompts-script';
import { MESSAGING_PLATFORM_HOSTS } from '../../shared/messaging-platform-hosts';

let dnr: FakeDnr;
const byId = (id: string) => dnr.scripts.filter((script) => script.id === id);

/** Whether a Chrome match pattern of the form `*://*.host/*` covers a page's address. */
function covers(pattern: string, address: string): boolean {
  const host = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) throw new Error(`unexpected pattern ${pattern}`);
  const { protocol, hostname } = new URL(address);
  return (
    (protocol === 'http:' || protocol === 'https:') &&
    (hostname === host || hostname.endsWith(`.${host}`))
  );
}
const helpCovers = (address: string) =>
  (byId(BLOCK_HELP_SCRIPT)[0]?.matches ?? []).some((pattern) => covers(pattern, address));

beforeEach(() => {
  dnr = installFakeExtension();
});

describe('the prompts content scripts', () => {
  it('registers the prompts script on every web page and frame, after the page is usable', async () => {
    await syncPromptsScript();
    expect(byId(PROMPTS_SCRIPT)).toEqual([
      {
        id: PROMPTS_SCRIPT,
        js: ['content-scripts/prompts.js'],
        matches: ['http://*/*', 'https://*/*'],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('registers the how-to-block help only on the messaging platforms’ hosts', async () => {
    await syncPromptsScript();
    expect(byId(BLOCK_HELP_SCRIPT)[0]?.js).toEqual(['content-scripts/block-help.js']);
    for (const host of Object.values(MESSAGING_PLATFORM_HOSTS).flat()) {
      expect(helpCovers(`https://${host}/`), host).toBe(true);
    }
    expect(helpCovers('https://www.youtube.com/watch?v=1')).toBe(true);
    expect(helpCovers('https://school.example/')).toBe(false);
    expect(helpCovers('https://notyoutube.com/')).toBe(false);
    expect(helpCovers('https://mail.google.com.evil.example/')).toBe(false);
  });

  it('registers nothing twice when nothing changed', async () => {
    await syncPromptsScript();
    await syncPromptsScript();
    expect(byId(PROMPTS_SCRIPT)).toHaveLength(1);
    expect(byId(BLOCK_HELP_SCRIPT)).toHaveLength(1);
  });

  it('replaces a registration an older version left with other files or pages', async () => {
    dnr.scripts.push({
      id: PROMPTS_SCRIPT,
      js: ['assets/prompts.ts-loader-old.js'],
      matches: ['http://*/*', 'https://*/*'],
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: true,
    });
    await syncPromptsScript();
    expect(byId(PROMPTS_SCRIPT).map((script) => script.js)).toEqual([
      ['content-scripts/prompts.js'],
    ]);
    expect(byId(BLOCK_HELP_SCRIPT)).toHaveLength(1);
  });
});
