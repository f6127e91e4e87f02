// The prompts script's first look at an event: whether it is one of the moments a prompt may
// follow (a send, a person's click on a link, a copy, a picture's drag or menu) or an early sign
// of one (a text box focused or typed in, a pointer on a link that may leave the site), and what
// it needs from the event while the event is still happening. It is the only feature code in the
// script every page parses, so it holds just what must be decided inside the event; whatever
// comes after is in the prompts' module (prompts-page.ts). The module takes the same look, so
// the script and the module can't disagree about what an event is.
import { carriesWebAddress, isSameSite } from '../../shared/same-site';
import { isSendButtonName } from '../../shared/zip-it/send-moments';
import { editableRoot, isTypedInput, type TextBox } from './zip-it/send-targets';

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

/** Every event type a look comes from, listened to once each in the capture phase. */
export const LOOKED_AT = [
  'submit',
  'keydown',
  'click',
  'auxclick',
  'pointerdown',
  'focusin',
  'copy',
  'dragend',
  'contextmenu',
] as const;

const BUTTONS = 'button, input[type=submit], input[type=image], input[type=button], [role=button]';

/** A web link to another site, or one that may redirect to one: the module must decide it. */
export function mayLeave(link: Link): boolean {
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return false;
  return !isSameSite(link.hostname, location.hostname) || carriesWebAddress(link.search);
}

/**
 * True when the moment must wait, before the page sees it, until the module has decided it: a
 * send, a click on a link that may leave, and Enter in a box that holds words (the module tells
 * a chat box's send from a new line). Only asked before the module is loaded.
 */
export function mustHold(look: Look): boolean {
  switch (look.kind) {
    case 'link':
      return mayLeave(look.link);
    case 'enter': {
      const { box } = look;
      if (isTypedInput(box)) return true;
      const words = box instanceof HTMLTextAreaElement ? box.value : (box.textContent ?? '');
      return words.trim() !== '';
    }
    default:
      return look.kind === 'submit' || look.kind === 'send-button';
  }
}

function linkIn(path: EventTarget[]): Link | null {
  for (const target of path) {
    if ((target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) && target.href)
      return target;
  }
  return null;
}

const textBox = (target: Element): TextBox | null =>
  isTypedInput(target) || target instanceof HTMLTextAreaElement ? target : editableRoot(target);

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
  const box = textBox(target);
  if (box)
    return enter && !event.shiftKey && !event.isComposing
      ? { kind: 'enter', box, keys: event }
      : { kind: 'box', box };
  const link = (enter || event.key === ' ') && event.isTrusted ? linkIn(path) : null;
  return link && mayLeave(link) ? { kind: 'near-link' } : null;
}

function clickLook(event: MouseEvent, target: Element, path: EventTarget[]): Look | null {
  if (event.type === 'click' && event.button === 0) {
    const button = sendButton(target);
    if (button) return { kind: 'send-button', button };
  }
  // Only a person's clicks: a page's own scripted navigation meets the rules as usual.
  if (!event.isTrusted || event.defaultPrevented) return null;
  if (event.button !== (event.type === 'click' ? 0 : 1)) return null;
  const link = linkIn(path);
  if (!link) return null;
  const newTab = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey;
  return { kind: 'link', link, newTab };
}

/** Copies from text boxes and editors are the pupil's own writing; prompts' own text too. */
function fromOwnWriting(target: Element): boolean {
  return (
    textBox(target) !== null ||
    target instanceof HTMLInputElement ||
    target.closest('safe-class-prompt, safe-class-help') !== null
  );
}

/** What an event is to the prompts, or null when it is nothing to them. */
export function firstLook(event: Event): Look | null {
  const path = event.composedPath();
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
      return clickLook(event as MouseEvent, target, path);
    case 'pointerdown': {
      const link = event.isTrusted ? linkIn(path) : null;
      return link && mayLeave(link) ? { kind: 'near-link' } : null;
    }
    case 'focusin': {
      const box = textBox(target);
      return box ? { kind: 'box', box } : null;
    }
    case 'copy': {
      if (!event.isTrusted || fromOwnWriting(target)) return null;
      // The words as copied, read now: the selection may change before the module has them.
      const copied = document.getSelection()?.toString() ?? '';
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
