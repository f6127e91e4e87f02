// Every string key the pupil pages and the options page ask for exists in en_GB, with a
// description for translators, so no pupil ever sees a raw key.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const messages: Record<string, { message: string; description?: string }> = JSON.parse(
  await readFile(path.join(root, 'public/_locales/en_GB/messages.json'), 'utf8'),
);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function usedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  const folders = ['extension', 'options', 'content', 'background'];
  const files = (await Promise.all(folders.map(sourceFiles))).flat();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    // t() on the options and pupil pages, text() on the block page and in content scripts,
    // getMessage() in the worker (the context menu, the cover over a flagged page).
    for (const call of text.matchAll(/\b(?:t|text|getMessage)\(([^()]*)\)/g)) {
      for (const literal of (call[1] ?? '').matchAll(/'([a-z0-9_]+)'/g)) keys.add(literal[1] ?? '');
    }
  }
  return keys;
}

describe('_locales/en_GB', () => {
  it('has every key the UI uses', async () => {
    const keys = await usedKeys();
    expect(keys.size).toBeGreaterThan(10);
    expect([...keys].filter((key) => !(key in messages))).toEqual([]);
  });

  it('has every key the manifest names', async () => {
    const manifest = await readFile(path.join(root, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(2);
    expect(keys.filter((key) => !(key in messages))).toEqual([]);
  });

  it('describes every message for translators', () => {
    const undescribed = Object.entries(messages).filter(([, value]) => !value.description);
    expect(undescribed.map(([key]) => key)).toEqual([]);
  });
});
