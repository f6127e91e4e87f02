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
      'contextMenus', // "Flag this" in every page's right-click menu (Flag It)
      'declarativeNetRequest', // the enforcement itself
      // the download guard: classify every download before it completes, cancel blocked and
      // held ones, and start a download a teacher allowed (onDeterminingFilename needs it)
      'downloads',
      'identity', // the pupil is the Google account signed in to the Chromebook
      'identity.email', // ... and the hub knows pupils by that account's email
      // the backstop content script, registered everywhere but allowed sites; the prompts
      // script; the keyword prompt, injected only into a page that matched a school keyword;
      // Flag It's cover over a flagged page
      'scripting',
      'storage', // policy, settings and managed policy
      'webNavigation', // same-page history changes onto a path outside a KS1 entry
      'unlimitedStorage', // large school lists and the on-device outbox
    ]);
    // Redirecting a blocked page to the block page needs host access to every page. The same
    // access lets the worker read a web tab's address for the teacher's live view and for a
    // flag, a web tab's address and title for keyword alerts, cover a flagged page and (only if
    // the school asks) picture it, so no "tabs" or "activeTab" permission is asked for
    // (hub-link/site-report.ts, keywords/, flag/).
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
    // A flagged web page replaces itself with the flag screen (flag/cover-page.ts).
    expect(manifest.web_accessible_resources[0].resources).toContain('extension/flag.html');
  });

  it('offers Flag It in the toolbar, one press away on any page', () => {
    expect(manifest.action).toEqual({
      default_title: '__MSG_action_title__',
      default_popup: 'extension/popup.html',
    });
  });

  it('gives Flag It a keyboard shortcut that works on a Chromebook', async () => {
    const { FLAG_COMMAND } = await import('../../shared/flag-command');
    // A named command, so the worker flags the page itself (_execute_action would only open
    // the popup, a second press away).
    expect(Object.keys(manifest.commands)).toEqual([FLAG_COMMAND]);
    const command = manifest.commands[FLAG_COMMAND];
    expect(command.description).toBe('__MSG_command_flag_it__');
    expect(command.suggested_key).toEqual({ default: 'Alt+Shift+F', chromeos: 'Alt+Shift+F' });
    // Chrome's rules: Ctrl or Alt (never both: AltGr), optionally Shift, then one key.
    for (const keys of Object.values(command.suggested_key) as string[]) {
      expect(keys).toMatch(/^(Ctrl|Alt)(\+Shift)?\+[A-Z0-9]$/);
    }
  });

  it('declares a managed schema covering every managed key the code reads', async () => {
    const { MANAGED_KEYS } = await import('../../shared/managed-policy');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  });
});
