import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PLATFORM_HELP } from '../../shared/messaging-platform-help';
import {
  MESSAGING_PLATFORM_IDS,
  MESSAGING_PLATFORMS,
  platformFor,
  platformForHost,
} from '../../shared/messaging-platforms';

const messages: Record<string, { message: string }> = JSON.parse(
  await readFile(new URL('../../public/_locales/en_GB/messages.json', import.meta.url), 'utf8'),
);

const at = (url: string) => new URL(url);

describe('the messaging platforms', () => {
  it('have distinct lower-case ids, hosts and message areas', () => {
    expect(new Set(MESSAGING_PLATFORM_IDS).size).toBe(MESSAGING_PLATFORMS.length);
    for (const platform of MESSAGING_PLATFORMS) {
      expect(platform.id).toMatch(/^[a-z]+$/);
      expect(platform.hosts.length).toBeGreaterThan(0);
      for (const host of platform.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      expect(platform.areas.length).toBeGreaterThan(0);
    }
  });

  it('each have a name and steps that exist in en_GB, ending by telling a teacher', () => {
    expect(Object.keys(PLATFORM_HELP).sort()).toEqual([...MESSAGING_PLATFORM_IDS].sort());
    for (const help of Object.values(PLATFORM_HELP)) {
      expect(help.name.length).toBeGreaterThan(2);
      expect(help.blockSteps.length).toBeGreaterThanOrEqual(3);
      for (const key of help.blockSteps) expect(messages[key]?.message, key).toBeTruthy();
      expect(help.blockSteps.at(-1)).toBe('how_to_block_tell_teacher');
    }
  });

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://classroom.google.com/c/NjE5', 'classroom'],
    ['https://padlet.com/class4/wall', 'padlet'],
    ['https://school.padlet.org/class4/wall', 'padlet'],
    ['https://app.seesaw.me/#/class/1', 'seesaw'],
    ['https://scratch.mit.edu/projects/123/', 'scratch'],
    ['https://scratch.mit.edu/users/teacher/', 'scratch'],
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://m.youtube.com/shorts/abc', 'youtube'],
    ['https://www.youtube.com/@nasa', 'youtube'],
    ['https://mail.google.com./mail/', 'gmail'],
    // Not their messaging pages, or not them at all.
    ['https://scratch.mit.edu/', null],
    ['https://scratch.mit.edu/explore/projects/all', null],
    ['https://www.youtube.com/', null],
    ['https://www.youtube.com/results?search_query=cats', null],
    ['https://docs.google.com/document/d/1', null],
    ['https://google.com/', null],
    ['https://notpadlet.com/wall', null],
    ['https://padlet.com.evil.example/wall', null],
    ['https://www.topmarks.co.uk/', null],
  ])('%s → %s', (url, id) => {
    expect(platformFor(at(url))?.id ?? null).toBe(id);
  });

  it('knows only the platforms the school lists', () => {
    expect(platformFor(at('https://padlet.com/w'), ['gmail', 'padlet'])?.id).toBe('padlet');
    expect(platformFor(at('https://padlet.com/w'), ['gmail'])).toBeNull();
    expect(platformFor(at('https://padlet.com/w'), [])).toBeNull();
    expect(platformForHost('www.youtube.com', ['youtube'])?.id).toBe('youtube');
  });
});
