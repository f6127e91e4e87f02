// Managed policy the way a school gives it: a Chromium policy file holding the JSON an admin
// types into Google Admin's "Policy for extensions" box. Chromium reads it at start-up, and it
// applies to every Chromium on the machine, so each spec removes its file when done.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
export const EXTENSION_ID = 'jfihchfhddpjfhemlalhlcmdfnilofie';

/**
 * Writes this extension's managed policy to the named file and returns a remover. Needs root
 * (CI has it); a failure here is loud on purpose, since skipping would leave the managed path
 * unproven.
 */
export async function writePolicyFile(
  name: string,
  policy: Record<string, unknown>,
): Promise<() => Promise<void>> {
  return writeChromePolicyFile(name, { '3rdparty': { extensions: { [EXTENSION_ID]: policy } } });
}

/**
 * Writes Chrome policies themselves (not an extension's), such as ExtensionInstallForcelist, to
 * the named file and returns a remover; the same root rule as above applies.
 */
export async function writeChromePolicyFile(
  name: string,
  policies: Record<string, unknown>,
): Promise<() => Promise<void>> {
  const file = path.join(POLICY_DIR, `${name}.json`);
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(file, JSON.stringify(policies));
  return () => rm(file, { force: true });
}
