// When the device last heard from the hub, for its health report and the options page. Kept in
// storage.local, since the worker stops between messages; written at most once a minute (the
// hub pings every 20 s, and the report needs minutes, not seconds).
import browser from 'webextension-polyfill';
import { LOCAL_KEYS } from '../storage-keys';

const WRITE_EVERY_MS = 60_000;

export async function lastHubContact(): Promise<string | null> {
  const stored = (await browser.storage.local.get(LOCAL_KEYS.hubContact))[LOCAL_KEYS.hubContact];
  return typeof stored === 'string' && !Number.isNaN(Date.parse(stored)) ? stored : null;
}

/** The hub just said something; recorded unless a write in the last minute already says so. */
export async function noteHubContact(now = new Date()): Promise<void> {
  const last = await lastHubContact();
  if (last && now.getTime() - Date.parse(last) < WRITE_EVERY_MS) return;
  await browser.storage.local.set({ [LOCAL_KEYS.hubContact]: now.toISOString() });
}
