// Tells the worker this page was shown for a blocked navigation, so it goes in the filtering
// record (the worker reads what and why from this page's own address). chrome.runtime directly,
// through the type-only messenger: no polyfill and no zod, so the page stays as light as it was.
import { createMessenger } from '../../shared/messenger';

const send = createMessenger((envelope) => chrome.runtime.sendMessage(envelope));

/** Marks this history entry once the worker has stored its record. */
const RECORDED = 'filteringRecordMade';

function recorded(): boolean {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null && RECORDED in state;
}

/**
 * Once per blocked navigation. Every navigation makes a new history entry with an empty state,
 * while a reload, Back or Forward onto this page and a restored or reloaded tab keep the entry's
 * state, so they show the page again without a second record.
 */
export function recordAttempt(): void {
  if (recorded()) return;
  void send('pupil.blockShown', {})
    .then(() => {
      const state: unknown = history.state;
      const base = typeof state === 'object' && state !== null ? state : {};
      history.replaceState({ ...base, [RECORDED]: true }, '');
    })
    // A worker that can't store it now can't be helped from here; the page still works.
    .catch(() => undefined);
}
