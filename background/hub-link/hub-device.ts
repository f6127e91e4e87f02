// This device's standing with the hub: its own stable id, and the token the hub gave it for
// this pupil at this hub. Kept in storage.local; the id is made once and never changes.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { enrolRequestSchema, enrolResponseSchema } from '../../shared/hub-protocol';
import { LOCAL_KEYS } from '../storage-keys';

const enrolmentSchema = z.object({
  hubUrl: z.string(),
  email: z.string(),
  deviceToken: z.string(),
});
type Enrolment = z.infer<typeof enrolmentSchema>;

export async function deviceId(): Promise<string> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.deviceId);
  const existing = stored[LOCAL_KEYS.deviceId];
  if (typeof existing === 'string') return existing;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [LOCAL_KEYS.deviceId]: id });
  return id;
}

/**
 * The device token for this hub and pupil: the stored one, or a fresh enrolment. A new hub
 * address or a different pupil signed in means enrolling again.
 */
export async function deviceToken(hubUrl: string, token: string, email: string): Promise<string> {
  const stored = enrolmentSchema.safeParse(
    (await browser.storage.local.get(LOCAL_KEYS.hubEnrolment))[LOCAL_KEYS.hubEnrolment],
  );
  if (stored.success && stored.data.hubUrl === hubUrl && stored.data.email === email) {
    return stored.data.deviceToken;
  }
  const body = enrolRequestSchema.parse({
    enrolmentToken: token,
    email,
    deviceId: await deviceId(),
  });
  const response = await fetch(`${hubUrl}/api/device/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The hub refused enrolment (${response.status}).`);
  const answer = enrolResponseSchema.parse(await response.json());
  const enrolment: Enrolment = { hubUrl, email, deviceToken: answer.deviceToken };
  await browser.storage.local.set({ [LOCAL_KEYS.hubEnrolment]: enrolment });
  return answer.deviceToken;
}

/** Forgets the token, so the next connection enrols again (the hub no longer knows it). */
export async function forgetEnrolment(): Promise<void> {
  await browser.storage.local.remove(LOCAL_KEYS.hubEnrolment);
}
