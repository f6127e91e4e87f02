// Block It: a pupil follows a link in a message, comment, chat or email on an allowed site to
// a site the school hasn't approved, or opens an attachment from one, and sees "Block it!"
// before leaving. Links within the site, and links the rules would open anyway, go through
// untouched. At start: capture listeners, for clicks and middle clicks (Enter on a focused
// link is a click too), and for the pointer or key that comes before one; nothing else runs
// until a pupil acts on a link. The decision and the card are in the prompts' module
// (block-it-decide.ts): a pointer down or Enter on a link that may leave the site reads it
// ahead, and a click that comes before it is loaded is held while it loads, then decided.
// Same-site links never wait.
import { readAhead } from '../../../shared/read-ahead';
import { carriesWebAddress, isSameSite } from '../../../shared/same-site';
import type { PromptFeature, PromptsModule } from '../prompt-feature';
import type { BlockItCheck, Link } from './block-it-decide';
import { followLink } from './follow-link';

function linkIn(event: Event): Link | null {
  for (const target of event.composedPath()) {
    if ((target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) && target.href)
      return target;
  }
  return null;
}

/** A web link to another site, or one that may redirect to one: the module must decide it. */
function mayLeave(link: Link): boolean {
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return false;
  return !isSameSite(link.hostname, window.location.hostname) || carriesWebAddress(link.search);
}

export const blockIt: PromptFeature = {
  name: 'block-it',
  init(signal, context) {
    const module = readAhead(() => context.logic());
    let blockItCheck: BlockItCheck | null = null;
    const checker = (loaded: PromptsModule) =>
      (blockItCheck ??= loaded.createBlockItCheck(context));

    // The earliest sign of a click on a link: the module is read ahead, so the click is
    // usually decided at once.
    const readAheadFor = (event: Event) => {
      const link = event.isTrusted ? linkIn(event) : null;
      if (link && mayLeave(link) && context.connected()) module.now();
    };
    const onActivate = (event: MouseEvent) => {
      // Only a person's clicks: a page's own scripted navigation meets the rules as usual.
      if (!event.isTrusted || event.defaultPrevented) return;
      if (event.type === 'click' ? event.button !== 0 : event.button !== 1) return;
      const link = linkIn(event);
      if (!link || !context.connected()) return;
      const newTab = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey;
      const loaded = module.now();
      if (loaded) return checker(loaded).now(event, link, newTab);
      if (!mayLeave(link)) return;
      // Held before anything is asked: the browser must not start loading the other site.
      event.preventDefault();
      event.stopImmediatePropagation();
      void module.read().then(
        (read) => checker(read).later(link, newTab),
        // The module can't load when the extension was updated under this page: its rules
        // still stand, so the link may go and meet them.
        () => followLink(link, newTab),
      );
    };
    const options = { capture: true, signal };
    window.addEventListener('pointerdown', readAheadFor, { ...options, passive: true });
    window.addEventListener(
      'keydown',
      (event) => (event.key === 'Enter' || event.key === ' ') && readAheadFor(event),
      options,
    );
    window.addEventListener('click', onActivate, options);
    window.addEventListener('auxclick', onActivate, options);
  },
};
