// The bench loads a private copy of dist/: other work in the same checkout may rebuild dist/
// (vite empties it first) while a run is under way, and Chromium reads extension files lazily.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../e2e/support/launch';

const REQUIRED = [
  'manifest.json',
  'service-worker-loader.js',
  'extension/blocked.html',
  'options/index.html',
  'rules/failsafe.json',
];
const ATTEMPTS = 10;

export interface DistSnapshot {
  dir: string;
  remove(): Promise<void>;
}

export async function snapshotDist(source = path.join(repoRoot, 'dist')): Promise<DistSnapshot> {
  const parent = await mkdtemp(path.join(tmpdir(), 'safe-class-bench-'));
  const dir = path.join(parent, 'dist');
  const remove = () => rm(parent, { recursive: true, force: true });
  try {
    for (let attempt = 1; ; attempt++) {
      await rm(dir, { recursive: true, force: true });
      try {
        await cp(source, dir, { recursive: true });
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
      }
      const missing = REQUIRED.filter((file) => !existsSync(path.join(dir, file)));
      if (missing.length === 0) return { dir, remove };
      // A build is probably half-way through; wait for it to finish writing.
      if (attempt >= ATTEMPTS) {
        throw new Error(`${source} is incomplete (missing ${missing.join(', ')}): run the build`);
      }
      await sleep(500);
    }
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * A copy of dist/ without the manifest's `key`, so Chromium gives it an id of its own and the
 * school's managed policy, which names the extension by id, does not reach it.
 */
export async function snapshotDistUnderOwnId(): Promise<DistSnapshot> {
  const snapshot = await snapshotDist();
  const file = path.join(snapshot.dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  delete manifest.key;
  await writeFile(file, JSON.stringify(manifest));
  return snapshot;
}
