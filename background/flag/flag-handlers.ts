// The messages of Flag It: a press from the popup, the block page or the keyword prompt, and
// the flag screen's questions. The router has already checked who sent each one.
import browser, { type Runtime } from 'webextension-polyfill';
import type { MessageRequest, MessageResponse } from '../../shared/messages';
import { readManagedState } from '../policy-store';
import { pressFlag } from './flag-press';
import { addFlagDetails, flagStatus } from './flag-store';
import { activeTarget, senderTarget } from './flag-target';

/** Where "Go to a safe page" goes: the browser's own new tab page. */
const SAFE_PAGE = 'chrome://newtab/';

export async function pupilFlag(
  body: MessageRequest<'pupil.flag'>,
  sender: Runtime.MessageSender,
): Promise<MessageResponse<'pupil.flag'>> {
  const target = body.source === 'popup' ? await activeTarget() : senderTarget(sender);
  return { id: await pressFlag(target, body.source) };
}

export async function pupilFlagStatus({
  id,
}: MessageRequest<'pupil.flagStatus'>): Promise<MessageResponse<'pupil.flagStatus'>> {
  const [status, { fields }] = await Promise.all([flagStatus(id), readManagedState()]);
  return { ...status, hub: Boolean(fields.hubUrl && fields.enrolmentToken) };
}

export async function pupilFlagDetails(body: MessageRequest<'pupil.flagDetails'>) {
  await addFlagDetails(body.id, body.reason, body.note);
  return {};
}

export async function leaveFlagScreen(_body: unknown, sender: Runtime.MessageSender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('There is no tab to leave.');
  // The flag muted the tab; the safe page and whatever follows it may be heard again.
  await browser.tabs.update(tabId, { url: SAFE_PAGE, muted: false });
  return {};
}

/** Flag It on the keyword prompt: the tab the prompt was shown in. */
export async function contentFlag(_body: unknown, sender: Runtime.MessageSender) {
  await pressFlag(senderTarget(sender), 'prompt');
  return {};
}
