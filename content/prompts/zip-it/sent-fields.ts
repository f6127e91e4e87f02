// Reads what is about to be sent, and nothing else: the fields of the form being submitted, or
// the one text box whose Enter or send button sends it. Never the rest of the page. The values
// are only read here, in the page, to find the kinds of detail in them; they are never sent.
import type { SentField } from '../../../shared/zip-it/personal-data-detectors';
import { isBirthField } from '../../../shared/zip-it/birth-date';
import { editableRoot, hintsOf, TYPED_INPUTS, type TextBox } from './send-targets';

/** Forms with thousands of controls exist; a pupil never types in more than this many. */
const MAX_FIELDS = 300;

function fieldOf(element: Element): SentField | null {
  if (element instanceof HTMLInputElement) {
    if (!TYPED_INPUTS.has(element.type) || element.disabled || element.readOnly) return null;
    return { value: element.value, hints: hintsOf(element), password: element.type === 'password' };
  }
  if (element instanceof HTMLTextAreaElement) {
    if (element.disabled || element.readOnly) return null;
    return { value: element.value, hints: hintsOf(element), password: false };
  }
  if (element instanceof HTMLSelectElement) {
    // A choice from the page's own list is read only where it is a date of birth part.
    const hints = hintsOf(element);
    if (element.disabled || !isBirthField(hints)) return null;
    return { value: element.value, hints, password: false };
  }
  const root = element instanceof HTMLElement ? editableRoot(element) : null;
  // innerText keeps the line breaks between blocks, so "12 Oak Road" and "SW1A 1AA" on two
  // lines stay two phrases. A layout read, but only at the moment of sending.
  return root ? { value: root.innerText, hints: hintsOf(root), password: false } : null;
}

/** The fields a form sends, including rich-text boxes in it. */
export function formFields(form: HTMLFormElement): SentField[] {
  const fields: SentField[] = [];
  for (const element of [...form.elements].slice(0, MAX_FIELDS)) {
    const field = fieldOf(element);
    if (field) fields.push(field);
  }
  const editables = form.querySelectorAll<HTMLElement>('[contenteditable]');
  for (const element of [...editables].slice(0, MAX_FIELDS)) {
    if (editableRoot(element) !== element) continue;
    const field = fieldOf(element);
    if (field) fields.push(field);
  }
  return fields;
}

/** What a send sends: a form's fields, or the one text box. */
export const fieldsOf = (sent: HTMLFormElement | TextBox): SentField[] =>
  sent instanceof HTMLFormElement ? formFields(sent) : boxFields(sent);

/** The one text box being sent. */
export function boxFields(box: TextBox): SentField[] {
  const field = fieldOf(box);
  return field ? [field] : [];
}
