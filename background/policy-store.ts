// The policy store: the device's settings record and the last good managed policy, both in
// storage.local. It is the only module that reads or writes them.
import browser from 'webextension-polyfill';
import {
  applyManagedPolicy,
  emptyManagedState,
  managedStateSchema,
  type ManagedState,
} from '../shared/managed-policy';
import type { Settings } from '../shared/policy-model';
import { loadSettings } from '../shared/settings-migrations';
import { runSerially } from './serial-queue';
import { LOCAL_KEYS } from './storage-keys';

export interface PolicySnapshot {
  settings: Settings;
  managed: ManagedState;
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.settings);
  const { settings, repairs } = loadSettings(stored[LOCAL_KEYS.settings]);
  for (const repair of repairs) console.warn(`Settings repaired: ${repair}`);
  return settings;
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [LOCAL_KEYS.settings]: settings });
}

export async function readManagedState(): Promise<ManagedState> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.managedState);
  const parsed = managedStateSchema.safeParse(stored[LOCAL_KEYS.managedState]);
  return parsed.success ? parsed.data : emptyManagedState();
}

/** Reads chrome.storage.managed, merges it into the last good managed state and stores that. */
export async function refreshManagedState(): Promise<ManagedState> {
  const lastGood = await readManagedState();
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch (error) {
    // No policy service (an unmanaged browser) reads as no policy, never as "open".
    console.warn('Managed storage unavailable', error);
    raw = {};
  }
  const next = applyManagedPolicy(raw, lastGood.fields);
  for (const error of next.errors) console.warn(`Managed policy: ${error}`);
  await browser.storage.local.set({ [LOCAL_KEYS.managedState]: next });
  return next;
}

export async function readPolicy(): Promise<PolicySnapshot> {
  const [settings, managed] = await Promise.all([readSettings(), readManagedState()]);
  return { settings, managed };
}

/**
 * Read-modify-write of the settings record, in the serial queue so two edits can't overwrite
 * each other. The caller syncs rules afterwards (outside the queue: queued work must not queue).
 */
export function updateSettings<T>(
  mutate: (settings: Settings) => { settings: Settings; result: T },
): Promise<T> {
  return runSerially(async () => {
    const { settings, result } = mutate(await readSettings());
    await writeSettings(settings);
    return result;
  });
}

/**
 * The stored managed state, or null while none is stored or it can't be read. For decisions
 * that must tell "the school named no hub" from "unknown" (background/retention/): only the
 * first may let the device delete a record the hub doesn't hold.
 */
export async function readStoredManagedState(): Promise<ManagedState | null> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.managedState);
  const parsed = managedStateSchema.safeParse(stored[LOCAL_KEYS.managedState]);
  return parsed.success ? parsed.data : null;
}
