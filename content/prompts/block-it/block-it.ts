// Block It: a pupil follows a link in a message, comment, chat or email on an allowed site to
// a site the school hasn't approved, or opens an attachment from one, and sees "Block it!"
// before leaving. Links within the site, and links the rules would open anyway, go through
// untouched. At start: two capture listeners, for clicks and middle clicks (Enter on a focused
// link is a click too); nothing else runs until a pupil clicks a link.
import { isAttachmentLink, isSameSite, unwrapRedirect } from '../../../shared/message-links';
import { MESSAGING_PLATFORM_IDS, platformFor } from '../../../shared/messaging-platforms';
import type { PromptContext, PromptFeature } from '../prompt-feature';
import type { BlockItKind } from './block-it-views';
import { followLink } from './follow-link';
import { inMessageArea } from './message-area';

type Link = HTMLAnchorElement | HTMLAreaElement;

interface Candidate {
  link: Link;
  target: URL;
  kind: BlockItKind;
}

function linkIn(event: Event): Link | null {
  for (const target of event.composedPath()) {
    if ((target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) && target.href)
      return target;
  }
  return null;
}

function webAddress(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A link that needs asking about (it leaves the site, from a message), or null. */
function candidate(link: Link, listed: readonly string[]): Candidate | null {
  const url = webAddress(link.href);
  if (!url) return null;
  const target = unwrapRedirect(url);
  if (isSameSite(target.hostname, window.location.hostname)) return null;
  if (!inMessageArea(link, platformFor(window.location, listed))) return null;
  const attachment =
    isAttachmentLink(target, link.hasAttribute('download')) || isAttachmentLink(url);
  return { link, target, kind: attachment ? 'attachment' : 'link' };
}

async function showBlockIt(context: PromptContext, { kind, target }: Candidate): Promise<void> {
  let recorded = false;
  const record = (outcome: 'stayed' | 'flagged') => {
    if (recorded) return Promise.resolve();
    recorded = true;
    return context
      .send('content.pupilEvent', {
        kind: 'block-it',
        detail: kind,
        outcome,
        targetUrl: target.href,
      })
      .then(() => undefined);
  };
  await context.show(
    'block-it',
    {
      kind,
      targetHost: target.hostname,
      onFlag: async () => {
        // Recorded first: a flag takes the tab to the flag screen, and this page goes with it.
        await record('flagged').catch(() => undefined);
        await context.send('content.flag', {});
      },
    },
    {
      placement: 'modal',
      // "Stay here", Escape, or the page going: the pupil stayed.
      onClose: () => void record('stayed').catch(() => undefined),
    },
  );
}

/** Asks the worker whether the rules open the link's target; then follows it or says Block It. */
async function decide(context: PromptContext, found: Candidate, newTab: boolean): Promise<void> {
  let allowed: boolean;
  try {
    ({ allowed } = await context.send('content.linkVerdict', { url: found.target.href }));
  } catch {
    // The extension was updated under this page: its rules still stand, so the link may go
    // and meet them. Any other failure to answer is a "not approved".
    if (!context.connected()) return followLink(found.link, newTab);
    allowed = false;
  }
  if (allowed) followLink(found.link, newTab);
  else await showBlockIt(context, found);
}

export const blockIt: PromptFeature = {
  name: 'block-it',
  init(signal, context) {
    // The school's platform list, once a click has read it.
    let listed: readonly string[] | null = null;
    const onActivate = (event: MouseEvent) => {
      // Only a person's clicks: a page's own scripted navigation meets the rules as usual.
      if (!event.isTrusted || event.defaultPrevented) return;
      if (event.type === 'click' ? event.button !== 0 : event.button !== 1) return;
      const link = linkIn(event);
      // Until the list is read, every known platform counts, so nothing slips by; the answer
      // below is checked against the real list once it is in.
      const found = link && candidate(link, listed ?? MESSAGING_PLATFORM_IDS);
      if (!found || !context.connected()) return;
      // Held before anything is asked: the browser must not start loading the other site.
      event.preventDefault();
      event.stopImmediatePropagation();
      const newTab = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey;
      void (async () => {
        const config = await context.config();
        listed = config.messagingPlatforms;
        if (!candidate(found.link, listed)) return followLink(found.link, newTab);
        await decide(context, found, newTab);
      })().catch((error) => console.error('Safe Class: Block It', error));
    };
    window.addEventListener('click', onActivate, { capture: true, signal });
    window.addEventListener('auxclick', onActivate, { capture: true, signal });
  },
};
