// Waits until the worker says the flag is stored on the device: "stored before the pupil sees
// sent". The worker may still be writing when the screen opens, so the screen both listens for
// the worker's word and asks, and asks again for a while before it gives up.
import browser from 'webextension-polyfill';
import { pageEventSchema } from '../../shared/messages';
import { send } from '../ui/messenger';

const ASK_EVERY_MS = 1_000;
const GIVE_UP_MS = 15_000;

export type StoredOutcome =
  { stored: true; detailsGiven: boolean; hub: boolean } | { stored: false };

export function whenStored(id: string): Promise<StoredOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const started = Date.now();
    const finish = (outcome: StoredOutcome) => {
      if (settled) return;
      settled = true;
      browser.runtime.onMessage.removeListener(hear);
      resolve(outcome);
    };
    // Listening before asking, so word that comes between the two can't be missed.
    function hear(message: unknown) {
      const event = pageEventSchema.safeParse(message);
      if (!event.success || event.data.event === 'visitRequest.answered') return;
      if (event.data.id !== id) return;
      if (event.data.event === 'flag.failed') finish({ stored: false });
      else void ask();
    }
    browser.runtime.onMessage.addListener(hear);
    async function ask(): Promise<void> {
      try {
        const status = await send('pupil.flagStatus', { id });
        if (status.stored) {
          finish({ stored: true, detailsGiven: status.detailsGiven, hub: status.hub });
          return;
        }
      } catch {
        // The worker is starting; the next ask may reach it.
      }
      if (settled) return;
      if (Date.now() - started >= GIVE_UP_MS) finish({ stored: false });
      else setTimeout(() => void ask(), ASK_EVERY_MS);
    }
    void ask();
  });
}
