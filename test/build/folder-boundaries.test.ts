// The folder boundaries are enforced by lint; this proves the rules fire, so a broken lint
// config can't quietly let content/ reach into background/.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('folder boundaries', () => {
  it.each([
    ['content/probe.ts', "import { dnr } from '../background/chrome-adapter';\nvoid dnr;\n"],
    ['content/probe.ts', "import { t } from '../extension/ui/i18n';\nvoid t;\n"],
    ['extension/probe.ts', "import { dnr } from '../background/chrome-adapter';\nvoid dnr;\n"],
    ['options/probe.ts', "import { syncRules } from '../background/rule-sync';\nvoid syncRules;\n"],
    ['shared/probe.ts', "import { database } from '../background/database';\nvoid database;\n"],
  ])('%s may not import across: %s', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-imports');
  });

  it('lets the worker import a content script only as a built path', async () => {
    const path = "import script from '../content/backstop.ts?script';\nvoid script;\n";
    expect(await ruleIds('background/probe.ts', path)).toEqual([]);
    const code = "import '../content/backstop';\n";
    expect(await ruleIds('background/probe.ts', code)).toContain('no-restricted-imports');
  });

  it('keeps browser APIs out of shared/', async () => {
    expect(await ruleIds('shared/probe.ts', 'export const id = chrome.runtime.id;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('lets every folder import shared/', async () => {
    const code = "import { LIST_NAMES } from '../shared/policy-model';\nvoid LIST_NAMES;\n";
    for (const folder of ['content', 'extension', 'options', 'background']) {
      expect(await ruleIds(`${folder}/probe.ts`, code)).toEqual([]);
    }
  });
});
