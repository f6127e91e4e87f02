// `npm run package` refuses a bad command line at once, before it builds or makes a key.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function runPackage(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SAFE_CLASS_CRX_KEY: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run package', () => {
  it.each([
    [
      ['--key', 'school.pem'],
      'npm run package: --key signs the self-hosted CRX, which also needs --hub-url (the hub that serves it).',
    ],
    [
      ['--hub-url', 'http://hub.school.example'],
      'npm run package: --hub-url: the hub must be reached over https (http only on this machine).',
    ],
    [['--hub-url'], "npm run package: Option '--hub-url <value>' argument missing"],
    [['--sign'], "npm run package: Unknown option '--sign'"],
  ])('refuses %j', (args, message) => {
    const result = runPackage(args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    // Nothing was built.
    expect(result.stdout).not.toContain('Building');
  });

  it('prints its usage', () => {
    const result = runPackage(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run package');
  });
});
