// Who the pupil is, as far as the policy cares. A school that names a classroom hub keys each
// pupil's key stage to their roster entry, found by the account signed in to Chrome: without a
// signed-in account the device can't be told which class the pupil is in, so it gets the
// strictest key stage and says why (fail closed). A school without a hub identifies no one: its
// key stage is the organisational unit's (managed policy) or the device's, and sign-in changes
// nothing there.
import type { ManagedFields } from './managed-policy';

export interface PupilIdentity {
  /** True while an account is signed in to Chrome (chrome.identity gave an email). */
  signedIn: boolean;
}

/** What the worker passes when it can't tell (tests of the policy alone): nothing is locked. */
export const SIGNED_IN: PupilIdentity = { signedIn: true };

/** The school names a hub (and its enrolment token), so pupils are known by their account. */
export const identityRequired = (managed: Pick<ManagedFields, 'hubUrl' | 'enrolmentToken'>) =>
  Boolean(managed.hubUrl && managed.enrolmentToken);

/** The device must hold the pupil to the strictest key stage because nobody is signed in. */
export const lockedForSignIn = (
  managed: Pick<ManagedFields, 'hubUrl' | 'enrolmentToken'>,
  identity: PupilIdentity,
): boolean => identityRequired(managed) && !identity.signedIn;
