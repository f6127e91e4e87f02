import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { failsafeRulesJson } from '../../scripts/generate-failsafe-rules';
import { extensionIdFromKey } from '../../shared/extension-id';

describe('the static failsafe ruleset', () => {
  it('matches what the compiler makes for this manifest key (run scripts/generate-failsafe-rules.ts)', async () => {
    const committed = await readFile(
      new URL('../../public/rules/failsafe.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(await failsafeRulesJson());
  });

  it('derives the extension id Chrome gives the manifest key', async () => {
    // A known pair: Chrome showed this id for this key when the key was generated.
    const manifest = JSON.parse(
      await readFile(new URL('../../manifest.json', import.meta.url), 'utf8'),
    );
    expect(await extensionIdFromKey(manifest.key)).toBe('jfihchfhddpjfhemlalhlcmdfnilofie');
  });
});
