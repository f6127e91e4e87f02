// The worked example in docs/deploy-google-admin.md, read from its one file. Google Admin's
// "Policy for extensions" box takes each key as {"Value": …}; a Chromium policy file and
// chrome.storage.managed hold the bare values. Both the unit test and the e2e test read it here.
import { readFileSync } from 'node:fs';

export const EXAMPLE_FILE = 'docs/google-admin-policy.example.json';
export const GUIDE_FILE = 'docs/deploy-google-admin.md';

const repoFile = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

export const exampleText = (): string => repoFile(EXAMPLE_FILE);
export const guideText = (): string => repoFile(GUIDE_FILE);

/**
 * The bare values of a "Policy for extensions" JSON. Strict, as Google Admin is: every key
 * must hold an object with exactly one `Value`, so an example that a school couldn't paste
 * fails here rather than in their Admin console.
 */
export function unwrapAdminPolicy(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('The policy must be a JSON object.');
  }
  const values: Record<string, unknown> = {};
  for (const [key, wrapped] of Object.entries(parsed)) {
    const keys = wrapped !== null && typeof wrapped === 'object' ? Object.keys(wrapped) : [];
    if (Array.isArray(wrapped) || keys.length !== 1 || keys[0] !== 'Value') {
      throw new Error(`${key}: expected {"Value": …}, as Google Admin takes each key`);
    }
    values[key] = (wrapped as { Value: unknown }).Value;
  }
  return values;
}
