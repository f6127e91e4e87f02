// A date of birth: a date typed in a field that asks for one (its name, id, label or
// autocomplete says bday, dob or birth), or a date next to the pupil's own "my birthday is",
// "I was born on", "DOB" or "date of birth". Dates in homework ("William was born on 14
// October 1066", "Due 3/5/2024") are not about the pupil, so they don't count.

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const DATE = new RegExp(
  [
    // 3rd May, 3 May 2016, the 3rd of May
    `\\b${DAY}\\s+(?:of\\s+)?(?:${MONTHS})\\b\\.?(?:,?\\s+\\d{4})?`,
    // May 3rd, May 3 2016
    `\\b(?:${MONTHS})\\.?\\s+(?:the\\s+)?${DAY}\\b(?:,?\\s+\\d{4})?`,
    // 03/05/2016, 3.5.16, 3-5-2016
    `\\b(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\\d{4}|\\d{2})\\b`,
    // 2016-05-03
    `\\b\\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])\\b`,
    // 3/5 (only ever read next to birthday words or in a birth field)
    `\\b(?:0?[1-9]|[12]\\d|3[01])[/.](?:0?[1-9]|1[0-2])\\b(?![/.]?\\d)`,
  ].join('|'),
  'i',
);

const MONTH = new RegExp(`\\b(?:${MONTHS})\\b`, 'i');

// The pupil's own birthday, said in the ways pupils say it; "she was born" or "the Queen's
// birthday" is someone else's.
const OWN_BIRTHDAY =
  /\b(?:my\s+(?:birthday|bday|b-day|birth\s*date|date\s+of\s+birth|dob)|i\s+was\s+born|i\s+am\s+born|i'm\s+born|date\s+of\s+birth|d\.?o\.?b\b\.?|birthday\s*[:=-])/gi;

/** How far either side of the words a date may be, in characters. */
const NEAR = 40;

export const looksLikeDate = (text: string): boolean => DATE.test(text);

/**
 * True when a field's own name, id, autocomplete or label asks for a date of birth
 * ("bday-day", "dateOfBirth", "user_dob", "Date of birth").
 */
export function isBirthField(hints: string): boolean {
  const words = hints
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  return /\b(?:bday|b day|dob|d o b|birth|birthday|birthdate|born)\b/.test(words);
}

/** A birth field's value: any part of a date (a day, a month, a year), not a place. */
export const isBirthFieldValue = (value: string): boolean => /\d/.test(value) || MONTH.test(value);

/** A date said to be the pupil's own birthday. */
export function hasOwnBirthDate(text: string): boolean {
  for (const match of text.matchAll(OWN_BIRTHDAY)) {
    const start = Math.max(0, match.index - NEAR);
    const end = match.index + match[0].length + NEAR;
    if (looksLikeDate(text.slice(start, end))) return true;
  }
  return false;
}
