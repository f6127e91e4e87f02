import { describe, expect, it } from 'vitest';
import { MESSAGING_PLATFORM_HOSTS, platformIdForHost } from '../../shared/messaging-platform-hosts';
import { MESSAGING_PLATFORMS, platformForHost } from '../../shared/messaging-platforms';

describe("the prompts script's short list of platform hosts", () => {
  it('is where every platform takes its hosts from, one entry per platform', () => {
    expect(Object.keys(MESSAGING_PLATFORM_HOSTS).sort()).toEqual(
      MESSAGING_PLATFORMS.map(({ id }) => id).sort(),
    );
    for (const platform of MESSAGING_PLATFORMS) {
      expect(platform.hosts).toBe(
        MESSAGING_PLATFORM_HOSTS[platform.id as keyof typeof MESSAGING_PLATFORM_HOSTS],
      );
    }
  });

  it.each([
    ['mail.google.com', 'gmail'],
    ['MAIL.GOOGLE.COM.', 'gmail'],
    ['outlook.live.com', 'outlook'],
    ['teams.cloud.microsoft', 'teams'],
    ['classroom.google.com', 'classroom'],
    ['school.padlet.org', 'padlet'],
    ['app.seesaw.me', 'seesaw'],
    ['scratch.mit.edu', 'scratch'],
    ['www.youtube.com', 'youtube'],
    ['m.youtube.com', 'youtube'],
    ['google.com', null],
    ['notyoutube.com', null],
    ['youtube.com.evil.example', null],
    ['seesaw.me', null],
    ['example.org', null],
    ['', null],
  ])('%s is %s, as the full platform data says', (host, id) => {
    expect(platformIdForHost(host)).toBe(id);
    expect(platformForHost(host)?.id ?? null).toBe(id);
  });
});
