import { signal } from '@preact/signals';
import { send } from '../ui/messenger';

export type AskState =
  | { step: 'idle' }
  | { step: 'writing' }
  | { step: 'sending' }
  | { step: 'saved' }
  | { step: 'failed'; error: string };

export const askState = signal<AskState>({ step: 'idle' });

/** Stores the request through the worker; the page says "saved" only once it is written. */
export async function askToVisit(url: string, reason: string): Promise<void> {
  askState.value = { step: 'sending' };
  try {
    await send('pupil.askToVisit', { url, reason });
    askState.value = { step: 'saved' };
  } catch (error) {
    askState.value = {
      step: 'failed',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
