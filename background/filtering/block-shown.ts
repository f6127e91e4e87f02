// The block page says it was shown for a blocked navigation; this adds the attempt to the
// filtering record. What was blocked and why come from the sender's own URL (the block page's
// address: the reason in the query, the blocked address in the fragment), never from the body,
// and only the extension's block page, shown as a tab's page, is heard: a blocked frame inside
// an allowed page (an advert, an embed) is not the pupil's attempt.
import type { Runtime } from 'webextension-polyfill';
import { readBlockPageAddress } from '../../shared/filtering-record';
import type { MessageResponse } from '../../shared/messages';
import { blockPageBase } from '../block-page-url';
import { recordBlockedAttempt } from './filtering-record-store';

export async function recordBlockShown(
  _body: unknown,
  sender: Runtime.MessageSender,
): Promise<MessageResponse<'pupil.blockShown'>> {
  if (!sender.tab || sender.frameId !== 0) {
    throw new Error('Only a block page shown in a tab records a blocked attempt.');
  }
  const attempt = readBlockPageAddress(sender.url ?? '', blockPageBase());
  if (!attempt) throw new Error('Only the block page records a blocked attempt.');
  await recordBlockedAttempt(attempt);
  return { recorded: true };
}
