// Which controls send what a pupil typed, told from their own words and attributes only: a
// button that says send, post, submit, reply or comment, and a text box that is a chat box
// (where Enter sends) rather than a box for writing (where Enter starts a new line).

const SEND_WORDS = /^(?:send|post|submit|reply|comment|publish|share)\b/i;

/** A button's name (its label, text, value or title): true when it starts with a send word. */
export const isSendButtonName = (name: string): boolean => SEND_WORDS.test(name.trim());

const CHAT_HINTS =
  /\b(?:message|messages|chat|comment|reply|post|send|say something|type here|ask)\b/i;

export interface TextBoxHints {
  /** Its name, id, label, placeholder and role, joined. */
  hints: string;
  /** The `enterkeyhint` attribute ('' when absent). */
  enterKeyHint: string;
  /** A textarea's `rows` attribute as written (null when absent: the default is a box). */
  rows: string | null;
  /** A contenteditable that says it is one line (`role=textbox` without aria-multiline). */
  singleLine: boolean;
  /** A contenteditable that says it is for several lines (`aria-multiline=true`). */
  multiLine: boolean;
}

/**
 * True for a multi-line box where Enter (without Shift) sends, as in a chat. A box that says
 * it is for several lines (three rows or more, aria-multiline) is for writing, whatever it is
 * called: its send button is still checked.
 */
export function isChatBox(box: TextBoxHints): boolean {
  if (['send', 'go', 'done'].includes(box.enterKeyHint.toLowerCase())) return true;
  if (box.singleLine) return true;
  const rows = box.rows === null ? NaN : Number(box.rows);
  if (box.multiLine || rows >= 3) return false;
  if (rows >= 1 && rows <= 2) return true;
  return CHAT_HINTS.test(box.hints);
}
