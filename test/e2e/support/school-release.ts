// A school's self-hosted release, made the way the README tells an admin to: a school key, then
// `npm run package` on the production build in dist/ for the school's hub. What a Google Admin
// policy then names: the school key's extension id and the hub's update address.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { HubProcess } from './hub-process';
import { expectedExtensionId, repoRoot } from './launch';

export interface SchoolRelease {
  /** The extension id under the school's key. */
  schoolId: string;
  /** The hub as Chromium reaches it here (support/force-install.ts resolves only localhost). */
  hubUrl: string;
  updateUrl: string;
  /** The ExtensionInstallForcelist entry: `<id>;<update URL>`. */
  forcelistLine: string;
  /** What the package command printed. */
  output: string;
}

/** Makes the school key in `folder` and packages the release into `releaseDir` for `hub`. */
export async function packageSchoolRelease(
  folder: string,
  releaseDir: string,
  hub: HubProcess,
): Promise<SchoolRelease> {
  const keyFile = path.join(folder, 'school-key.pem');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const schoolId = expectedExtensionId(
    publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  );
  const hubUrl = hub.url.replace('127.0.0.1', 'localhost');
  const updateUrl = `${hubUrl}/extension/updates.xml`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/package.ts',
      '--no-build',
      ...['--hub-url', hubUrl, '--key', keyFile, '--out', releaseDir],
    ],
    { cwd: repoRoot, env: { ...process.env, SAFE_CLASS_CRX_KEY: '' } },
  );
  return { schoolId, hubUrl, updateUrl, forcelistLine: `${schoolId};${updateUrl}`, output: stdout };
}
