import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../hub/server/config';

describe('hub settings', () => {
  it('default to a loopback hub on 8787 with its data in .hub-data/', () => {
    expect(readConfig({}, '/srv/safe-class')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/safe-class/.hub-data'),
      enrolmentToken: undefined,
      releaseDir: path.resolve('/srv/safe-class/release'),
      protectionSilenceMs: 180_000,
    });
  });

  it('read HUB_* values, treating a blank one as unset', () => {
    const config = readConfig(
      {
        HUB_PORT: '9000',
        HUB_HOST: '',
        HUB_DATA_DIR: '/var/lib/hub',
        HUB_ENROLMENT_TOKEN: 'school-token-0123456789',
        HUB_RELEASE_DIR: 'packages',
        HUB_PROTECTION_SILENCE_SECONDS: '5',
      },
      '/srv',
    );
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/hub',
      enrolmentToken: 'school-token-0123456789',
      releaseDir: '/srv/packages',
      protectionSilenceMs: 5_000,
    });
  });

  it.each([
    [{ HUB_PORT: '70000' }, 'HUB_PORT: expected a port from 1 to 65535'],
    [
      { HUB_ENROLMENT_TOKEN: 'short' },
      'HUB_ENROLMENT_TOKEN: expected 16 to 200 letters, digits, - or _',
    ],
    [
      { HUB_PROTECTION_SILENCE_SECONDS: '0' },
      'HUB_PROTECTION_SILENCE_SECONDS: expected 1 to 3600 seconds',
    ],
  ])('refuse %j with the reason', (env, reason) => {
    expect(() => readConfig(env)).toThrow(`Hub settings: ${reason}`);
  });
});
