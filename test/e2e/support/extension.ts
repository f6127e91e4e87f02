// Driving the built extension from a test: policy goes in through the same storage the options
// page writes (the worker's storage.onChanged listener compiles and installs it), and tests
// wait on the worker's own enforcement record rather than on a timer.
import { expect, type Page, type Worker } from '@playwright/test';
import { emptySettings, type Settings, type StoredEntry } from '../../../shared/policy-model';

export interface PolicyLists {
  keyStage?: Settings['keyStage'];
  ks1?: readonly string[];
  ks2?: readonly string[];
  alwaysBlocked?: readonly string[];
  imageSources?: readonly string[];
}

const local = (sites: readonly string[] = []): StoredEntry[] =>
  sites.map((site) => ({
    site,
    source: 'local',
    addedBy: 'e2e',
    addedAt: new Date().toISOString(),
  }));

export function settingsWith(lists: PolicyLists): Settings {
  return {
    ...emptySettings(),
    keyStage: lists.keyStage ?? null,
    lists: {
      ks1: local(lists.ks1),
      ks2: local(lists.ks2),
      alwaysBlocked: local(lists.alwaysBlocked),
      imageSources: local(lists.imageSources),
    },
  };
}

export interface Enforcement {
  policyHash: string;
  keyStage: string;
  ruleCount: number;
  lastError: string | null;
}

export function readEnforcement(worker: Worker): Promise<Enforcement | null> {
  return worker.evaluate(async () => {
    const stored = await chrome.storage.local.get('enforcement');
    return (stored.enforcement as Enforcement | undefined) ?? null;
  });
}

/** Waits until the worker has installed rules at start-up. */
export async function waitForEnforcement(worker: Worker): Promise<Enforcement> {
  await expect.poll(() => readEnforcement(worker), { timeout: 10_000 }).not.toBeNull();
  return (await readEnforcement(worker)) as Enforcement;
}

/** Stores settings as the options page would and waits until the new rules are installed. */
export async function applyPolicy(worker: Worker, lists: PolicyLists): Promise<Enforcement> {
  const before = await waitForEnforcement(worker);
  const settings = settingsWith(lists);
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
  await expect
    .poll(async () => (await readEnforcement(worker))?.policyHash, { timeout: 10_000 })
    .not.toBe(before.policyHash);
  return (await readEnforcement(worker)) as Enforcement;
}

export const BLOCK_PAGE = /^chrome-extension:\/\/[a-p]{32}\/extension\/blocked\.html/;

/** Asserts the page is on the block page for this address, in this key stage's form. */
export async function expectBlocked(page: Page, url: string, keyStage: 'ks1' | 'ks2') {
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('ks')).toBe(keyStage);
  await expect(page.getByText(url, { exact: true })).toBeVisible();
}
