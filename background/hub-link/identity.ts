// Who the pupil is: the Google account signed in to Chrome (on a school Chromebook, the managed
// account). Empty when nobody is signed in; the device then stays off the hub and, at a school
// with a hub, holds the pupil to the strictest key stage (shared/pupil-identity.ts).
import browser from 'webextension-polyfill';
import type { PupilIdentity } from '../../shared/pupil-identity';
import { identity } from '../chrome-adapter';

/** Test builds only: where an e2e test names the pupil (see below). */
export const TEST_PUPIL_EMAIL_KEY = 'testPupilEmail';

export async function pupilEmail(): Promise<string> {
  // Test builds only (`vite build --mode test`): e2e tests can't sign a headless Chromium in to
  // Google, so they name the pupil in storage. The production build compiles this branch out.
  if (__TEST__) {
    const stored = await browser.storage.local.get(TEST_PUPIL_EMAIL_KEY);
    const email = stored[TEST_PUPIL_EMAIL_KEY];
    if (typeof email === 'string') return email;
  }
  return identity.profileEmail();
}

export async function pupilIdentity(): Promise<PupilIdentity> {
  return { signedIn: (await pupilEmail()) !== '' };
}
