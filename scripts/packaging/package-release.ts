// Turns a production build into the release files (`npm run package`, scripts/package.ts):
// always the Web Store zip; with a hub address and the school's key, also the signed CRX and the
// update manifest the hub serves.
import { type KeyObject } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  crxFileName,
  crxPath,
  isExtensionVersion,
  UPDATE_MANIFEST_FILE,
  UPDATE_MANIFEST_PATH,
} from '../../shared/extension-release';
import { readHubUrl } from '../../shared/managed-policy';
import { publicKeyDer, readCrx3, writeCrx3 } from './crx3';
import { readBuild } from './extension-files';
import { extensionIdFromPublicKey } from './extension-id';
import {
  manifestJson,
  selfHostedManifest,
  webStoreManifest,
  type Manifest,
} from './release-manifest';
import { updateManifestXml } from './update-manifest';
import { checkForWebStore } from './web-store-checks';
import { writeZip, type ZipEntry } from './zip-writer';

export class PackagingError extends Error {
  override name = 'PackagingError';
}

export interface PackageOptions {
  distDir: string;
  outDir: string;
  /** The repo manifest's version; a build of another one is stale. */
  expectedVersion: string;
  /** For self-hosting: the hub's public address (https, or http on this machine only). */
  hubUrl?: string | undefined;
  /**
   * For self-hosting: the school's RSA private key, asked for only once the build has passed its
   * checks (so a bad build never makes a new key).
   */
  signingKey?: (() => Promise<KeyObject>) | undefined;
}

export interface SelfHosted {
  crxFile: string;
  updateManifestFile: string;
  extensionId: string;
  /** The URL for ExtensionInstallForcelist and Google Admin's "From a custom URL". */
  updateUrl: string;
  crxUrl: string;
}

export interface PackageResult {
  version: string;
  webStoreZip: string;
  warnings: string[];
  selfHosted: SelfHosted | null;
}

/** Whole files only: the hub may be serving this folder while a release is written. */
async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  await writeFile(partial, data);
  await rename(partial, file);
}

function zipWith(manifest: Manifest, files: readonly ZipEntry[]): Buffer {
  return writeZip([{ name: 'manifest.json', data: manifestJson(manifest) }, ...files]);
}

/** The hub's address as the extension will use it: its origin, https unless on this machine. */
export function checkHubUrl(value: string): string {
  const checked = readHubUrl(value);
  if (!checked.ok) throw new PackagingError(`--hub-url: ${checked.reason}.`);
  // The hub answers at the root of its address (as the extension's hubUrl does), so a path
  // would be dropped without a word and every device would ask the wrong URL.
  const given = new URL(value.trim());
  if (given.pathname !== '/' || given.search || given.hash) {
    throw new PackagingError(
      `--hub-url: give the hub's address alone (${checked.url}), without a path or query.`,
    );
  }
  return checked.url;
}

async function packageSelfHosted(
  manifest: Manifest,
  files: readonly ZipEntry[],
  outDir: string,
  hub: string,
  signingKey: KeyObject,
): Promise<SelfHosted> {
  const spki = publicKeyDer(signingKey);
  const extensionId = extensionIdFromPublicKey(spki);
  const updateUrl = hub + UPDATE_MANIFEST_PATH;
  const crxUrl = hub + crxPath(manifest.version);
  const zip = zipWith(selfHostedManifest(manifest, spki.toString('base64'), updateUrl), files);
  const crx = writeCrx3(zip, signingKey);
  // Prove the file the way Chromium will before a hub can hand it out.
  if (readCrx3(crx).extensionId !== extensionId) {
    throw new PackagingError('The signed CRX does not verify as this key’s extension.');
  }
  const crxFile = path.join(outDir, crxFileName(manifest.version));
  const updateManifestFile = path.join(outDir, UPDATE_MANIFEST_FILE);
  // The CRX first: the update manifest must never name a version whose CRX isn't there yet.
  await writeAtomically(crxFile, crx);
  await writeAtomically(
    updateManifestFile,
    updateManifestXml({ extensionId, version: manifest.version, codebase: crxUrl }),
  );
  return { crxFile, updateManifestFile, extensionId, updateUrl, crxUrl };
}

export async function packageRelease(options: PackageOptions): Promise<PackageResult> {
  const { files, manifest } = await readBuild(options.distDir, options.expectedVersion);
  if (!isExtensionVersion(manifest.version)) {
    throw new PackagingError(
      `The manifest version '${manifest.version}' is not one to four numbers (0 to 65535) separated by dots.`,
    );
  }
  const hub = options.hubUrl === undefined ? null : checkHubUrl(options.hubUrl);
  if (hub && !options.signingKey) {
    throw new PackagingError('A self-hosted package needs the school’s signing key.');
  }

  const storeManifest = webStoreManifest(manifest);
  const check = checkForWebStore(storeManifest, files);
  if (check.errors.length > 0) {
    throw new PackagingError(`The Web Store would refuse this build: ${check.errors.join('; ')}.`);
  }
  await mkdir(options.outDir, { recursive: true });
  const webStoreZip = path.join(options.outDir, `safe-class-${manifest.version}-webstore.zip`);
  await writeAtomically(webStoreZip, zipWith(storeManifest, files));

  const selfHosted =
    hub && options.signingKey
      ? await packageSelfHosted(manifest, files, options.outDir, hub, await options.signingKey())
      : null;
  return { version: manifest.version, webStoreZip, warnings: check.warnings, selfHosted };
}
