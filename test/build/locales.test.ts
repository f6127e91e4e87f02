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
  for (const file of [...(await sourceFiles('extension')), ...(await sourceFiles('options'))]) {
    const text = await readFile(file, 'utf8');
    for (const call of text.matchAll(/\bt\(([^()]*)\)/g)) {
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

  it('describes every message for translators', () => {
    const undescribed = Object.entries(messages).filter(([, value]) => !value.description);
    expect(undescribed.map(([key]) => key)).toEqual([]);
  });
});
