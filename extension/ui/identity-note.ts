// Shows a pupil page's "You're not signed in" note when the worker says nobody is signed in at
// a school with a classroom hub (background/identity-note.ts). chrome.storage directly, not the
// polyfill: the block page loads no polyfill until a button is pressed.
import { IDENTITY_NOTE_KEY, readIdentityNote } from '../../shared/identity-note';

/** Unhides `note` (its words are already in place) while the note applies. */
export async function showIdentityNote(note: HTMLElement): Promise<void> {
  const stored = await chrome.storage.local.get(IDENTITY_NOTE_KEY);
  note.hidden = !readIdentityNote(stored[IDENTITY_NOTE_KEY]).notSignedIn;
}
