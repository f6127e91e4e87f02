// A home address as a pupil types it: a house number, a street name and a street word
// ("12 Oak Road", "flat 3, 45a high st"), or a named house after "I live at" ("Rose Cottage").
// "3 road signs", "5 cars on the road" and "2 dogs way bigger" are not addresses: the street
// word must end the phrase, come after one to three name words that aren't everyday little
// words, and words that are often just words ("way", "park", "hill") count only in capitals
// ("4 Church Way") or after "I live at".

/** A word list written as one string: it ships in the script every web page runs. */
const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Street words that name a street even typed in lower case. */
const STREET_WORDS = wordSet(
  'road rd street st avenue ave lane ln crescent cres terrace terr gardens gdns mews boulevard',
);

/** Street words that are everyday words too: only in capitals or after an address cue. */
const EVERYDAY_STREET_WORDS = wordSet(
  'close drive dr way court ct place pl grove hill row square sq walk park rise view green ' +
    'parade vale wharf yard',
);

const HOUSE_WORDS = wordSet('cottage farm house lodge barn manor villa');

/** Words a street name never is (on its own, right before the street word). */
const LITTLE_WORDS = wordSet(
  'a an the on in at to of and or but so if as by for from with into onto over under up down ' +
    'near off out my your his her our their its is are was were be been am i we you he she they ' +
    'it me us them this that these those all some any many more most much very too then than ' +
    'there here each every no not one two three four five six seven eight nine ten other same ' +
    'just only also again around across along ' +
    'miles mile metres metre meters km cm mm minutes hours days weeks years times points ' +
    'steps laps goals cars dogs cats people children kids',
);

const NUMBERED =
  /(?<![\p{L}\p{N}])\d{1,4}[a-z]?(?![\p{L}\p{N}]),?((?:[ \t]+[\p{L}][\p{L}'’-]*\.?){2,4})/giu;
const ADDRESS_CUE =
  /\b(?:live|lives|living|address|my house|my home|our house|our home|stay|staying)\b[^.!?\n]{0,40}$/i;
const NAMED_HOUSE =
  /\b(?:live|lives|living|my house is called)\s+(?:at|in)?\s*((?:\p{Lu}[\p{L}'’-]*\s+){1,3})(\p{L}+)/gu;

const capitalised = (word: string) => /^\p{Lu}/u.test(word);

function isStreet(words: string[], cued: boolean): boolean {
  for (let end = 1; end < words.length && end <= 3; end++) {
    const last = (words[end] ?? '').replace(/\.$/, '');
    const lower = last.toLowerCase();
    const strong = STREET_WORDS.has(lower);
    if (!strong && !EVERYDAY_STREET_WORDS.has(lower)) continue;
    const names = words.slice(0, end);
    if (names.some((name) => LITTLE_WORDS.has(name.toLowerCase().replace(/\.$/, '')))) continue;
    if (strong || cued || [...names, last].every(capitalised)) return true;
  }
  return false;
}

export function hasStreetAddress(text: string): boolean {
  for (const match of text.matchAll(NUMBERED)) {
    const words = (match[1] ?? '').trim().split(/[ \t]+/);
    const cued = ADDRESS_CUE.test(text.slice(Math.max(0, match.index - 60), match.index));
    if (isStreet(words, cued)) return true;
  }
  for (const match of text.matchAll(NAMED_HOUSE)) {
    if (HOUSE_WORDS.has((match[2] ?? '').toLowerCase()) && capitalised(match[2] ?? '')) return true;
  }
  return false;
}
