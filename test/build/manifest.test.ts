// The manifest is reviewed like code: a new permission or a changed host access must show up
// here as a failing test and be accepted on purpose.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  await readFile(new URL('../../manifest.json', import.meta.url), 'utf8'),
);
const schema = JSON.parse(
  await readFile(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
);

describe('manifest.json', () => {
  it('asks for exactly the reviewed permissions', () => {
    expect(manifest.permissions).toEqual([
      'alarms', // ends lifts, lessons and grants on time, and retries the outbox after a restart
      'declarativeNetRequest', // the enforcement itself
      'identity', // the pupil is the Google account signed in to the Chromebook
      'identity.email', // ... and the hub knows pupils by that account's email
      'scripting', // the backstop content script, registered everywhere but allowed sites
      'storage', // policy, settings and managed policy
      'webNavigation', // same-page history changes onto a path outside a KS1 entry
      'unlimitedStorage', // large school lists and the on-device outbox
    ]);
    // Redirecting a blocked page to the block page needs host access to every page. The same
    // access lets the worker read a web tab's address for the teacher's live view, so no
    // "tabs" permission is asked for (hub-link/site-report.ts).
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
  });

  it('has a fixed key (stable id), a schema link and a minimum Chrome version', () => {
    expect(manifest.key).toMatch(/^MIIBIjAN/);
    expect(manifest.$schema).toBe('https://json.schemastore.org/chrome-manifest.json');
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
    expect(manifest.manifest_version).toBe(3);
  });

  it('ships the failsafe ruleset enabled and the block page reachable from any page', () => {
    expect(manifest.declarative_net_request.rule_resources).toEqual([
      { id: 'failsafe', enabled: true, path: 'rules/failsafe.json' },
    ]);
    // Without this a link click to a blocked page ends on ERR_BLOCKED_BY_CLIENT (E2E.md).
    expect(manifest.web_accessible_resources[0].resources).toContain('extension/blocked.html');
  });

  it('declares a managed schema covering every managed key the code reads', async () => {
    const { MANAGED_KEYS } = await import('../../shared/managed-policy');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  });
});
