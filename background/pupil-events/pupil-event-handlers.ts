// Records a content script's report of a prompt (Zip It, Block It, copyright). The site comes
// from the sender's own address, which the page can't misstate; the script says only what kind
// of moment it was and what the pupil chose.
import type { Runtime } from 'webextension-polyfill';
import type { MessageRequest, MessageResponse } from '../../shared/messages';
import { siteOf } from '../../shared/pupil-event';
import { recordPupilEvent } from './pupil-event-store';

export async function contentPupilEvent(
  body: MessageRequest<'content.pupilEvent'>,
  sender: Runtime.MessageSender,
): Promise<MessageResponse<'content.pupilEvent'>> {
  const site = siteOf(sender.url ?? sender.tab?.url ?? '');
  if (!site) throw new Error('Only a web page can report a prompt.');
  const target = body.targetUrl ? siteOf(body.targetUrl) : null;
  const event = await recordPupilEvent({
    kind: body.kind,
    detail: body.detail,
    outcome: body.outcome,
    site,
    ...(target ? { target } : {}),
  });
  return { id: event.id };
}
