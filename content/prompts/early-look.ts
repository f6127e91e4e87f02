// The prompts script's own look at an event before the prompts' module has loaded: coarse, and
// small, because every page parses it. It holds what may be a moment a prompt must come before
// (a form's submit, Enter in a box with words in it, a click on a button, a person's click on a
// link to another host), and loads the module for anything a prompt may follow. The module then
// takes its exact look (first-look.ts) at what was seen, decides a held moment, and lets go of
// one that was nothing after all, as it would have gone.
import { editableRoot, isTypedInput, type TextBox } from './zip-it/send-targets';

/** An event as the prompts script saw it; what it needs from it after it has happened. */
export interface Seen {
  event: Event;
  /** The event's path: it is empty once the event is over. */
  path: EventTarget[];
  /** Whether the page had stopped it before the script held it. */
  prevented: boolean;
  /** For a copy, the words as copied: the selection may change before the module has them. */
  copied: string;
}

/** Every event type a prompt may follow, listened to once each in the capture phase. */
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

export const BUTTONS =
  'button, input[type=submit], input[type=image], input[type=button], [role=button]';

export function see(event: Event): Seen {
  const copied = event.type === 'copy' ? String(document.getSelection() ?? '') : '';
  return { event, path: event.composedPath(), prevented: event.defaultPrevented, copied };
}

export function linkIn(path: EventTarget[]): HTMLAnchorElement | HTMLAreaElement | null {
  for (const target of path) {
    if ((target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) && target.href)
      return target;
  }
  return null;
}

/** The text box an element is, or is in (an editor's outermost editable element), or null. */
export const textBoxAt = (target: Element): TextBox | null =>
  isTypedInput(target) || target instanceof HTMLTextAreaElement ? target : editableRoot(target);

/** Another host, or an address in the query (a redirect): the module must decide it. */
const leavesHost = (link: HTMLAnchorElement | HTMLAreaElement) =>
  link.hostname !== location.hostname || /=https?(:|%3a)/i.test(link.search);

/** 'hold' until the module decides it, 'load' the module, or null: nothing to the prompts. */
export function earlyLook({ event, path, prevented }: Seen): 'hold' | 'load' | null {
  const target = path[0];
  if (!(target instanceof Element)) return null;
  const box = textBoxAt(target);
  const link = linkIn(path);
  const { type } = event;
  if (type === 'submit') return 'hold';
  if (type === 'keydown') {
    const { key, shiftKey, isComposing } = event as KeyboardEvent;
    if (!box) return link && key === 'Enter' ? 'load' : null;
    if (key !== 'Enter' || shiftKey || isComposing) return 'load';
    // A one-line box may send a form; an empty box for writing or chat sends nothing.
    const words = box instanceof HTMLTextAreaElement ? box.value : (box.textContent ?? '');
    return isTypedInput(box) || words.trim() !== '' ? 'hold' : 'load';
  }
  if (type === 'click' || type === 'auxclick') {
    const { button, isTrusted } = event as MouseEvent;
    if (type === 'click' && button === 0 && target.closest(BUTTONS)) return 'hold';
    const person = isTrusted && !prevented && button === (type === 'click' ? 0 : 1);
    return person && link && leavesHost(link) ? 'hold' : null;
  }
  if (type === 'copy') return 'load';
  if (type === 'dragend' || type === 'contextmenu')
    return target instanceof HTMLImageElement ? 'load' : null;
  // A pointer down or a focus: a sign that a moment may follow.
  return box || link || target.closest(BUTTONS) ? 'load' : null;
}
