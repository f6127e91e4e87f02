// The prompts' exact look at an event the prompts script saw (early-look.ts): whether it is one
// of the moments a prompt may follow (a send, a person's click on a link, a copy, a picture's
// drag or menu) or an early sign of one (a text box focused or typed in, a pointer on a link
// that may leave the site). It is the same look whether the event is still happening or was
// held before this module loaded, so the two can't disagree about what an event is.
import { carriesWebAddress, isSameSite } from '../../shared/same-site';
import { isSendButtonName } from '../../shared/zip-it/send-moments';
import { BUTTONS, linkIn, textBoxAt, type Seen } from './early-look';
import type { TextBox } from './zip-it/send-targets';

export type Link = HTMLAnchorElement | HTMLAreaElement;

export type Look =
  /** A form being submitted (Zip It). */
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null }
  /**
   * Enter in a text box (Zip It): a send in a one-line box or a chat box, a new line in a box for
   * writing, which the module tells apart. The key event, to press it again.
   */
  | { kind: 'enter'; box: TextBox; keys: KeyboardEvent }
  /** A click on a form's submit button or a button that says send (Zip It). */
  | { kind: 'send-button'; button: HTMLElement }
  /** A person's click or middle click on a link (Block It). */
  | { kind: 'link'; link: Link; newTab: boolean }
  /** A text box focused or typed in: where a send button's words come from, and a sign of one. */
  | { kind: 'box'; box: TextBox }
  /** A pointer or key down on a link that may leave the site: a click may follow. */
  | { kind: 'near-link' }
  /** Words copied from the page, as they were copied (the copyright reminder). */
  | { kind: 'copy'; copied: string }
  /** A picture dragged out of the page or its menu opened (the copyright reminder). */
  | { kind: 'image'; moment: 'drag' | 'menu' };

/** A web link to another site, or one that may redirect to one: the module must decide it. */
export function mayLeave(link: Link): boolean {
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return false;
  return !isSameSite(link.hostname, location.hostname) || carriesWebAddress(link.search);
}

function buttonName(button: HTMLElement): string {
  const value = button instanceof HTMLInputElement ? button.value : '';
  return [button.getAttribute('aria-label'), button.textContent, value, button.title].join(' ');
}

function sendButton(target: Element): HTMLElement | null {
  const button = target.closest<HTMLElement>(BUTTONS);
  if (!button) return null;
  const submits =
    (button instanceof HTMLButtonElement || button instanceof HTMLInputElement) &&
    button.form !== null &&
    (button.type === 'submit' || button.type === 'image');
  return submits || isSendButtonName(buttonName(button)) ? button : null;
}

function keyLook(event: KeyboardEvent, target: Element, path: EventTarget[]): Look | null {
  const enter = event.key === 'Enter';
  const box = textBoxAt(target);
  if (box)
    return enter && !event.shiftKey && !event.isComposing
      ? { kind: 'enter', box, keys: event }
      : { kind: 'box', box };
  const link = (enter || event.key === ' ') && event.isTrusted ? linkIn(path) : null;
  return link && mayLeave(link) ? { kind: 'near-link' } : null;
}

function clickLook(
  event: MouseEvent,
  target: Element,
  path: EventTarget[],
  prevented: boolean,
): Look | null {
  if (event.type === 'click' && event.button === 0) {
    const button = sendButton(target);
    if (button) return { kind: 'send-button', button };
  }
  // Only a person's clicks: a page's own scripted navigation meets the rules as usual.
  if (!event.isTrusted || prevented) return null;
  if (event.button !== (event.type === 'click' ? 0 : 1)) return null;
  const link = linkIn(path);
  if (!link) return null;
  const newTab = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey;
  return { kind: 'link', link, newTab };
}

/** Copies from text boxes and editors are the pupil's own writing; prompts' own text too. */
function fromOwnWriting(target: Element): boolean {
  return (
    textBoxAt(target) !== null ||
    target instanceof HTMLInputElement ||
    target.closest('safe-class-prompt, safe-class-help') !== null
  );
}

/** What an event is to the prompts, or null when it is nothing to them. */
export function firstLook({ event, path, prevented, copied }: Seen): Look | null {
  const target = path[0];
  if (!(target instanceof Element)) return null;
  switch (event.type) {
    case 'submit':
      return target instanceof HTMLFormElement
        ? { kind: 'submit', form: target, submitter: (event as SubmitEvent).submitter }
        : null;
    case 'keydown':
      return keyLook(event as KeyboardEvent, target, path);
    case 'click':
    case 'auxclick':
      return clickLook(event as MouseEvent, target, path, prevented);
    case 'pointerdown': {
      const link = event.isTrusted ? linkIn(path) : null;
      return link && mayLeave(link) ? { kind: 'near-link' } : null;
    }
    case 'focusin': {
      const box = textBoxAt(target);
      return box ? { kind: 'box', box } : null;
    }
    case 'copy': {
      if (!event.isTrusted || fromOwnWriting(target)) return null;
      return copied.trim() ? { kind: 'copy', copied } : null;
    }
    case 'dragend':
    case 'contextmenu':
      return event.isTrusted && target instanceof HTMLImageElement
        ? { kind: 'image', moment: event.type === 'dragend' ? 'drag' : 'menu' }
        : null;
    default:
      return null;
  }
}
