// Keeps the pupil pages' "You're not signed in" note in step with the policy in force: written
// only when it changes, so enforcing an unchanged policy writes nothing.
import browser from 'webextension-polyfill';
import type { EffectivePolicy } from '../shared/effective-policy';
import { readIdentityNote, type IdentityNote } from '../shared/identity-note';
import { LOCAL_KEYS } from './storage-keys';

export async function syncIdentityNote(policy: Pick<EffectivePolicy, 'keyStageSource'>) {
  const note: IdentityNote = { notSignedIn: policy.keyStageSource === 'not-signed-in' };
  const stored = (await browser.storage.local.get(LOCAL_KEYS.identityNote))[
    LOCAL_KEYS.identityNote
  ];
  if (stored !== undefined && readIdentityNote(stored).notSignedIn === note.notSignedIn) return;
  await browser.storage.local.set({ [LOCAL_KEYS.identityNote]: note });
}
