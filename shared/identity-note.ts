// Whether the pupil's pages (the popup and the block page) show the "You're not signed in" note:
// one storage.local key the worker writes whenever the policy is enforced. The block page reads
// it with chrome.storage directly, so the shape is checked by hand rather than with zod, which
// would load on every blocked navigation.

/** storage.local key; background/storage-keys.ts lists it with the worker's other keys. */
export const IDENTITY_NOTE_KEY = 'identityNote';

export interface IdentityNote {
  /** Nobody is signed in at a hub school, so the KS1 list is in force (shared/pupil-identity.ts). */
  notSignedIn: boolean;
}

/** Anything but a stored `{ notSignedIn: true }` reads as no note. */
export const readIdentityNote = (value: unknown): IdentityNote => ({
  notSignedIn:
    typeof value === 'object' &&
    value !== null &&
    (value as { notSignedIn?: unknown }).notSignedIn === true,
});
