// Writes public/rules/failsafe.json, the static ruleset that blocks every page until the
// worker has installed the compiled rules. Run after changing the manifest key or the
// compiler's block-page address; test/shared/failsafe-rules.test.ts fails until you do.
import { readFile, writeFile } from 'node:fs/promises';
import { extensionIdFromKey } from '../shared/extension-id';
import { compileFailsafeRules } from '../shared/rule-compiler';

export async function failsafeRulesJson(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../manifest.json', import.meta.url), 'utf8'));
  const id = await extensionIdFromKey(manifest.key);
  const rules = compileFailsafeRules(`chrome-extension://${id}/extension/blocked.html`);
  return `${JSON.stringify(rules, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(
    new URL('../public/rules/failsafe.json', import.meta.url),
    await failsafeRulesJson(),
  );
  console.log('Wrote public/rules/failsafe.json');
}
