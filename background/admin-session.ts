// Options-page sessions. A correct teacher PIN buys a short-lived token kept in
// storage.session (cleared when the browser closes, and hidden from content scripts); every
// policy-changing message must carry one.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { hashPin, verifyPin } from '../shared/pin-hash';
import { readManagedState, readSettings, writeSettings } from './policy-store';
import { runSerially } from './serial-queue';
import { LOCAL_KEYS, SESSION_KEYS } from './storage-keys';

export const SESSION_MINUTES = 30;
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MINUTES = 5;

const sessionsSchema = z.record(z.string(), z.object({ name: z.string(), expiresAt: z.number() }));
const failuresSchema = z.object({ count: z.number(), lockedUntil: z.number() });

export class AdminError extends Error {
  override name = 'AdminError';
}

export type PinSource = 'managed' | 'local' | 'none';

export async function pinSource(): Promise<{ source: PinSource; hash: string | null }> {
  const managed = await readManagedState();
  if (managed.fields.teacherPinHash)
    return { source: 'managed', hash: managed.fields.teacherPinHash };
  const settings = await readSettings();
  return settings.pinHash
    ? { source: 'local', hash: settings.pinHash }
    : { source: 'none', hash: null };
}

async function readSessions() {
  const stored = await browser.storage.session.get(SESSION_KEYS.adminSessions);
  const parsed = sessionsSchema.safeParse(stored[SESSION_KEYS.adminSessions]);
  return parsed.success ? parsed.data : {};
}

async function openSession(name: string) {
  const token = [...crypto.getRandomValues(new Uint8Array(24))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  const expiresAt = Date.now() + SESSION_MINUTES * 60_000;
  const sessions = await readSessions();
  for (const [key, session] of Object.entries(sessions)) {
    if (session.expiresAt < Date.now()) delete sessions[key];
  }
  sessions[token] = { name, expiresAt };
  await browser.storage.session.set({ [SESSION_KEYS.adminSessions]: sessions });
  return { token, expiresAt: new Date(expiresAt).toISOString() };
}

/**
 * Returns who is acting, or throws when the token is unknown or expired. Each use extends the
 * session, so a teacher mid-edit isn't locked out; an idle page locks after SESSION_MINUTES.
 */
export async function requireSession(token: string): Promise<{ name: string }> {
  const sessions = await readSessions();
  const session = sessions[token];
  if (!session || session.expiresAt < Date.now()) {
    throw new AdminError('Your session has ended. Enter the teacher PIN again.');
  }
  sessions[token] = { ...session, expiresAt: Date.now() + SESSION_MINUTES * 60_000 };
  await browser.storage.session.set({ [SESSION_KEYS.adminSessions]: sessions });
  return { name: session.name };
}

export async function closeSession(token: string): Promise<void> {
  const sessions = await readSessions();
  delete sessions[token];
  await browser.storage.session.set({ [SESSION_KEYS.adminSessions]: sessions });
}

export function unlock(pin: string, name: string) {
  return runSerially(async () => {
    const stored = await browser.storage.local.get(LOCAL_KEYS.pinFailures);
    const failures = failuresSchema.safeParse(stored[LOCAL_KEYS.pinFailures]).data ?? {
      count: 0,
      lockedUntil: 0,
    };
    if (failures.lockedUntil > Date.now()) {
      const minutes = Math.ceil((failures.lockedUntil - Date.now()) / 60_000);
      throw new AdminError(`Too many wrong PINs. Try again in ${minutes} minute(s).`);
    }
    const { source, hash } = await pinSource();
    if (source === 'none' || !hash) throw new AdminError('No teacher PIN is set yet.');
    if (!(await verifyPin(pin, hash))) {
      const count = failures.count + 1;
      const lockedUntil = count >= MAX_PIN_FAILURES ? Date.now() + PIN_LOCKOUT_MINUTES * 60_000 : 0;
      await browser.storage.local.set({
        [LOCAL_KEYS.pinFailures]: { count: lockedUntil ? 0 : count, lockedUntil },
      });
      throw new AdminError('That PIN is not right.');
    }
    await browser.storage.local.remove(LOCAL_KEYS.pinFailures);
    return openSession(name);
  });
}

export function setFirstPin(pin: string, name: string) {
  return runSerially(async () => {
    const { source } = await pinSource();
    if (source !== 'none') throw new AdminError('A teacher PIN is already set.');
    const settings = await readSettings();
    await writeSettings({ ...settings, pinHash: await hashPin(pin) });
    return openSession(name);
  });
}

/** Needs the current PIN too, so an unlocked page left open can't be used to take over. */
export function changePin(currentPin: string, pin: string) {
  return runSerially(async () => {
    const { source, hash } = await pinSource();
    if (source === 'managed') {
      throw new AdminError(
        "The PIN is set by your school's managed policy: change it in Google Admin.",
      );
    }
    if (!hash || !(await verifyPin(currentPin, hash))) {
      throw new AdminError('The current PIN is not right.');
    }
    const settings = await readSettings();
    await writeSettings({ ...settings, pinHash: await hashPin(pin) });
  });
}
