// What the prompts script itself must tell at the moment of sending, before the prompts' module
// may be loaded: whether an element is a box a pupil types in, and what a text box says about
// itself. Reading what is in the boxes is the module's job (sent-fields.ts).
import type { TextBoxHints } from '../../../shared/zip-it/send-moments';

/** Input types a pupil types words into; hidden, buttons, boxes and files carry no typing. */
export const TYPED_INPUTS = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'date',
  'password',
]);

export type TextBox = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

export const isTypedInput = (element: Element): element is HTMLInputElement =>
  element instanceof HTMLInputElement && TYPED_INPUTS.has(element.type);

/** The outermost editable element a node is in, or null. */
export function editableRoot(node: Element): HTMLElement | null {
  if (!(node instanceof HTMLElement) || !node.isContentEditable) return null;
  let root = node;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** An element's own words about itself: its name, id, autocomplete, label and placeholders. */
export function hintsOf(element: HTMLElement): string {
  const parts = [
    element.getAttribute('name'),
    element.id,
    element.getAttribute('autocomplete'),
    element.getAttribute('aria-label'),
    element.getAttribute('placeholder'),
    element.getAttribute('aria-placeholder'),
    element.getAttribute('data-placeholder'),
  ];
  const labels =
    'labels' in element ? (element.labels as NodeListOf<HTMLLabelElement> | null) : null;
  for (const label of labels ?? []) parts.push(label.textContent);
  return parts.filter(Boolean).join(' ');
}

/** What tells a chat box from a box for writing (shared/zip-it/send-moments.ts decides). */
export function textBoxHints(box: HTMLTextAreaElement | HTMLElement): TextBoxHints {
  return {
    hints: `${hintsOf(box)} ${box.getAttribute('role') ?? ''}`,
    enterKeyHint: box.getAttribute('enterkeyhint') ?? '',
    rows: box instanceof HTMLTextAreaElement ? box.getAttribute('rows') : null,
    singleLine:
      !(box instanceof HTMLTextAreaElement) &&
      box.getAttribute('role') === 'textbox' &&
      box.getAttribute('aria-multiline') !== 'true',
    multiLine: box.getAttribute('aria-multiline') === 'true',
  };
}
