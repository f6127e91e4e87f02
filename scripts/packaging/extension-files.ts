// Reads the production build (dist/) as zip entries, refusing anything that isn't one: no build,
// the e2e build (whose test hook lets storage name the pupil), or a build of another version.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest, type Manifest } from './release-manifest';
import type { ZipEntry } from './zip-writer';

/**
 * Present only in `vite build --mode test` bundles (background/hub-link/identity.ts); the
 * production build compiles it out, which test/e2e/build-variants.spec.ts proves.
 */
const TEST_BUILD_MARKER = 'testPupilEmail';

export class BuildError extends Error {
  override name = 'BuildError';
}

async function listFiles(root: string, folder = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    const name = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFiles(root, name)));
    else if (entry.isFile()) names.push(name);
    else throw new BuildError(`${path.join(root, name)} is neither a file nor a folder.`);
  }
  return names;
}

/** Byte order, not locale order: the same on every machine, so the zip is too. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every file of the build, sorted by name. `expectedVersion` is the repo manifest's version: a
 * build of another version is stale.
 */
export interface Build {
  /** Every file but manifest.json, which each package writes its own way. */
  files: ZipEntry[];
  manifest: Manifest;
}

export async function readBuild(distDir: string, expectedVersion: string): Promise<Build> {
  const names = await listFiles(distDir).catch((error: unknown) => {
    if (error instanceof BuildError) throw error;
    throw new BuildError(`There is no build at ${distDir}: run \`npm run build\` first.`);
  });
  const files: ZipEntry[] = [];
  let manifest: Manifest | null = null;
  for (const name of names.sort(byteOrder)) {
    const data = await readFile(path.join(distDir, name));
    if (name.endsWith('.js') && data.includes(TEST_BUILD_MARKER)) {
      throw new BuildError(
        `${distDir} is the e2e test build (${name} has its test hook); package the production build from \`npm run build\`.`,
      );
    }
    if (name === 'manifest.json')
      manifest = parseManifest(data.toString('utf8'), `${distDir}/manifest.json`);
    else files.push({ name, data });
  }
  if (!manifest)
    throw new BuildError(`${distDir} has no manifest.json: run \`npm run build\` first.`);
  if (manifest.version !== expectedVersion) {
    throw new BuildError(
      `${distDir} is a build of version ${manifest.version}, but manifest.json says ${expectedVersion}: run \`npm run build\` again.`,
    );
  }
  return { files, manifest };
}
