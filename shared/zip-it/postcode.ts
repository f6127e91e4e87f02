// UK postcodes as people type them: any case, with or without the space, including the odd
// GIR 0AA. Only a whole postcode counts (outward and inward parts): a bare "A1" or "B12" is a
// grid square, a paper size or an algebra term far more often than half an address.

// Outward code letters follow Royal Mail's rules: Q, V and X never start one, I, J and Z are
// never second, and the letter after the digit is limited. Inward letters never use C, I, K,
// M, O or V, which is what keeps "5pm", "9am" and "b2 4ac" out.
const OUTWARD =
  '(?:[a-pr-uwyz][0-9][0-9]?|[a-pr-uwyz][a-hk-y][0-9][0-9]?|[a-pr-uwyz][0-9][abcdefghjkpstuw]|[a-pr-uwyz][a-hk-y][0-9][abehmnprvwxy])';
const INWARD = '[0-9][abd-hjlnp-uw-z]{2}';
const POSTCODE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${OUTWARD}|gir) {0,2}(${INWARD})(?![\\p{L}\\p{N}])`,
  'giu',
);

const ORDINAL_ENDINGS: Record<string, string> = { '1': 'st', '2': 'nd', '3': 'rd' };

/**
 * "B2 2nd" and "e1 1st" read as a grid square and an ordinal in lower case; a postcode typed in
 * capitals ("E1 1ST"), or with a longer outward code ("b33 8th"), still counts.
 */
function isOrdinal(outward: string, inward: string): boolean {
  if (outward.length > 2 || inward !== inward.toLowerCase()) return false;
  const digit = inward.charAt(0);
  return inward.slice(1) === (ORDINAL_ENDINGS[digit] ?? 'th');
}

export function hasPostcode(text: string): boolean {
  for (const match of text.matchAll(POSTCODE)) {
    const whole = match[0];
    const outward = match[1] ?? '';
    const inward = match[2] ?? '';
    // Without a space, a postcode must be typed like one: all letters the same case.
    if (!whole.includes(' ') && whole !== whole.toUpperCase() && whole !== whole.toLowerCase()) {
      continue;
    }
    if (!isOrdinal(outward, inward)) return true;
  }
  return false;
}
