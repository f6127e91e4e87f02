// UK phone numbers as people type them: mobiles (07…) and landlines (01…, 02…, 03…), with
// +44 or 0044 in front, "(0)" after it, and spaces, dashes or brackets between the groups. A
// maths answer, a sum, a time, a date, a decimal, a year list or an ISBN is not one: the number
// must start like a UK number, have exactly a UK number's length, and be grouped the way phone
// numbers are (no group of one digit, at most five groups, single separators).

// Digits in groups joined by one space or dash, brackets allowed round a group. Not after or
// before a letter, digit, decimal point or other number punctuation, so "3.01234567890",
// "x01234567890" and "01234567890.5" are left alone. Each group takes its whole run of digits
// (`(?!\d)`), so a long run of digits can't be split in many ways when the match fails.
const CANDIDATE =
  /(?<![\p{L}\p{N}.,/+_-])(?:\+|\b)\(?\d+(?!\d)\)?(?:[ -]?\(?\d+(?!\d)\)?){0,6}(?![\p{L}\p{N}/:_]|[.,]\d)/gu;

const MOBILE = /^07[1-57-9]\d{8}$/;
const LANDLINE = /^(?:01\d{8,9}|0[23]\d{9})$/;

/** The number in national form (0…), or null when it doesn't start as a UK number does. */
function nationalNumber(candidate: string): string | null {
  const compact = candidate.replace(/[ ()-]/g, '');
  if (/^(?:\+|00)44/.test(compact)) {
    const rest = compact.replace(/^(?:\+|00)44/, '');
    // "+44 (0)20…": the bracketed 0 is a habit, not a digit to dial.
    return `0${rest.replace(/^0/, '')}`;
  }
  if (compact.startsWith('+')) return null;
  return compact.startsWith('0') ? compact : null;
}

function groupedLikeAPhoneNumber(candidate: string): boolean {
  const groups = candidate
    .replace(/^\+?(?:00)?44/, '')
    .replace(/\(0\)/, '')
    .split(/[ ()-]+/)
    .filter((group) => group !== '');
  return groups.length <= 5 && groups.every((group) => group.length >= 2);
}

export function hasPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0].trim();
    // An ISBN is a long number that can start with 0 ("ISBN 0-14-103614-4").
    if (/isbn[\s:-]*$/i.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    const national = nationalNumber(candidate);
    if (!national || !groupedLikeAPhoneNumber(candidate)) continue;
    if (MOBILE.test(national) || LANDLINE.test(national)) return true;
  }
  return false;
}
