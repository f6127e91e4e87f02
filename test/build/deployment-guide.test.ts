// The deployment guide can't drift from the code: its worked example is one file, shown in the
// guide verbatim, that the extension accepts without a single complaint and that sets every
// key a school can set; and every key of the managed schema is documented.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { applyManagedPolicy, MANAGED_KEYS } from '../../shared/managed-policy';
import { exampleText, guideText, unwrapAdminPolicy } from '../shared/admin-policy-example';

const schema = JSON.parse(
  await readFile(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
) as { properties: Record<string, { title?: string; description?: string }> };
const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** The keys named in the first column of a markdown table (`| \`key\` | …`). */
const tableKeys = (markdown: string) =>
  new Set([...markdown.matchAll(/^\| `([A-Za-z0-9]+)` +\|/gm)].map((match) => match[1] ?? ''));

describe('docs/google-admin-policy.example.json', () => {
  it('is shown in the guide exactly as the file has it', () => {
    expect(guideText()).toContain('```json\n' + exampleText() + '```\n');
  });

  it('is in the form Google Admin takes, and the extension accepts all of it', () => {
    const policy = unwrapAdminPolicy(exampleText());
    const state = applyManagedPolicy(policy, {});
    expect(state.errors).toEqual([]);
    // Every key the school can set is in the worked example, and none is dropped.
    expect(Object.keys(policy).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(Object.keys(state.fields)).toHaveLength(MANAGED_KEYS.length);
  });

  it('would catch a key pasted without its Value wrapper', () => {
    expect(() => unwrapAdminPolicy('{"keyStage": "ks2"}')).toThrow(
      'keyStage: expected {"Value": …}, as Google Admin takes each key',
    );
    expect(() => unwrapAdminPolicy('{"keyStage": {"Value": "ks2", "value": "ks1"}}')).toThrow();
  });
});

describe('the managed schema is documented', () => {
  it.each(Object.keys(schema.properties))('%s has a title and a description', (key) => {
    expect(schema.properties[key]?.title).toBeTruthy();
    expect(schema.properties[key]?.description?.length).toBeGreaterThan(40);
  });

  it("lists every key in the README's managed-policy table and in the guide's", () => {
    const keys = Object.keys(schema.properties).sort();
    expect([...tableKeys(readme)].filter((key) => key in schema.properties).sort()).toEqual(keys);
    expect([...tableKeys(guideText())].sort()).toEqual(keys);
  });
});
