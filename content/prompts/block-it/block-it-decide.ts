// Block It's decision, in the prompts' module: whether a clicked link is in a message and leaves
// the site, what the worker's rules say about where it leads, and the "Block it!" card. The
// prompts script finds the pupil's click on a link (first-look.ts) and block-it.ts hands it
// here, at once when this module is already loaded, or after the script held the click while it
// loaded.
import { isAttachmentLink, isSameSite, unwrapRedirect } from '../../../shared/message-links';
import { MESSAGING_PLATFORM_IDS, platformFor } from '../../../shared/messaging-platforms';
import type { Link } from '../first-look';
import type { PromptContext } from '../prompt-feature';
import type { BlockItKind } from './block-it-views';
import { followLink } from './follow-link';
import { inMessageArea } from './message-area';

interface Candidate {
  link: Link;
  target: URL;
  kind: BlockItKind;
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

export interface BlockItCheck {
  /** Decides a click inside its own event: holds it when the link must be asked about. */
  now(event: Event, link: Link, newTab: boolean): void;
  /** Decides a click the prompts script already held: follows the link, or asks. */
  later(link: Link, newTab: boolean): void;
}

export function createBlockItCheck(context: PromptContext): BlockItCheck {
  // The school's platform list, once a click has read it.
  let listed: readonly string[] | null = null;

  /** Reads the list, checks the link against it, then follows the link or asks. */
  async function settle(found: Candidate, newTab: boolean): Promise<void> {
    const config = await context.config();
    listed = config.messagingPlatforms;
    if (!candidate(found.link, listed)) return followLink(found.link, newTab);
    await decide(context, found, newTab);
  }
  const report = (error: unknown) => console.error('Safe Class: Block It', error);

  return {
    now(event, link, newTab) {
      // Until the list is read, every known platform counts, so nothing slips by; the answer
      // is checked against the real list once it is in.
      const found = candidate(link, listed ?? MESSAGING_PLATFORM_IDS);
      if (!found) return;
      // Held before anything is asked: the browser must not start loading the other site.
      event.preventDefault();
      event.stopImmediatePropagation();
      void settle(found, newTab).catch(report);
    },
    later(link, newTab) {
      const found = candidate(link, listed ?? MESSAGING_PLATFORM_IDS);
      if (!found) return followLink(link, newTab);
      void settle(found, newTab).catch(report);
    },
  };
}
