// The pupil's own full name and the school's name, found as whole words whatever the case,
// accents or punctuation ("AVA  demo", "Zoë O'Neill" as "zoe o neill"). A first name alone is
// not enough to stop a chat ("Ava says hi"), so a name of one word is never looked for.

/** Lower case, accents off, anything but letters and digits as single spaces. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const containsPhrase = (foldedText: string, phrase: string): boolean =>
  phrase !== '' && ` ${foldedText} `.includes(` ${phrase} `);

/**
 * The ways a full name is written: all of it, and first and last name alone (a middle name is
 * often left out). Null for a single name.
 */
function nameForms(fullName: string): string[] {
  const words = foldWords(fullName).split(' ').filter(Boolean);
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length < 2 || !first || !last) return [];
  return [...new Set([words.join(' '), `${first} ${last}`])];
}

export function hasFullName(text: string, fullName: string | null): boolean {
  if (!fullName) return false;
  const folded = foldWords(text);
  return nameForms(fullName).some((form) => containsPhrase(folded, form));
}

// "Oakfield Primary School" is often written "Oakfield Primary". Without its last word a name
// still counts if two words are left, which name a school rather than a place ("Oakfield").
const GENERAL_ENDING = /\s(?:school|academy)$/;

function schoolForms(schoolName: string): string[] {
  const whole = foldWords(schoolName);
  if (whole === '') return [];
  const short = whole.replace(GENERAL_ENDING, '');
  return short !== whole && short.includes(' ') ? [whole, short] : [whole];
}

export function hasSchoolName(text: string, schoolName: string | null): boolean {
  if (!schoolName) return false;
  const folded = foldWords(text);
  return schoolForms(schoolName).some((form) => containsPhrase(folded, form));
}
