// Finds the school's keywords (self-harm, abuse, extremism) in a search term or a page title.
// Pure, so the managed-policy check and the worker's watch judge a keyword the same way, and
// the matching is tested without a browser. Matching is on whole words and phrases,
// case-insensitive, and blind to punctuation and spacing, so "Self-harm!!" finds "self harm"
// but "classic" never finds "ass".

/** Search engines' query parameters: Google, Bing, DuckDuckGo (q), Yahoo (p), YouTube
 * (search_query), Yandex (text), and sites' own search boxes (query, search). */
export const SEARCH_PARAMS = ['q', 'query', 'p', 'search', 'search_query', 'text'] as const;

/**
 * Lower-cased words separated by single spaces: every run of characters that are neither
 * letters nor digits (punctuation, symbols, any kind of space) becomes one space. NFKC folds
 * look-alike forms (full-width letters, ligatures) into the plain ones.
 */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A keyword's words as the matcher compares them, or null for one that would match nearly
 * anything: all punctuation, or a single letter once its punctuation is gone ("C++").
 */
export function keywordWords(keyword: string): string | null {
  const words = normaliseWords(keyword);
  return words.length >= 2 ? words : null;
}

export interface KeywordMatcher {
  /** The keywords (as the list spells them) found as whole words or phrases in the text. */
  find(text: string): string[];
}

export function createKeywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const wanted = new Map<string, string>();
  for (const keyword of keywords) {
    const words = keywordWords(keyword);
    if (words && !wanted.has(words)) wanted.set(words, keyword);
  }
  return {
    find(text) {
      const words = normaliseWords(text);
      if (!words) return [];
      // Spaces either side make every match a whole word or phrase.
      const padded = ` ${words} `;
      const found: string[] = [];
      for (const [normal, keyword] of wanted) {
        if (padded.includes(` ${normal} `)) found.push(keyword);
      }
      return found;
    },
  };
}

/** What the pupil searched for, from an address's search parameters (none when not a URL). */
export function searchTerms(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [];
  const terms: string[] = [];
  for (const name of SEARCH_PARAMS) {
    for (const value of parsed.searchParams.getAll(name)) {
      if (value.trim()) terms.push(value);
    }
  }
  return terms;
}

/** The same keyword twice (any case, any punctuation) counts once; the first spelling wins. */
export function mergeKeywordLists(...lists: readonly (readonly string[])[]): string[] {
  const merged = new Map<string, string>();
  for (const list of lists) {
    for (const keyword of list) {
      const words = keywordWords(keyword);
      if (words && !merged.has(words)) merged.set(words, keyword.trim());
    }
  }
  return [...merged.values()];
}

/**
 * Whether a tab's title is only its address: Chrome shows the address as the title of a page
 * that has none of its own, and of a page still loading. An address's path is neither a search
 * nor a title (a page about "self-harm support" is not a pupil's search), so such a title is
 * never matched. Compared on words, with and without the scheme and the escapes, since Chrome
 * shows it formatted; one over Chrome's length limit is cut in the middle with an ellipsis.
 */
export function isAddressTitle(title: string, url: string): boolean {
  const [head = '', tail] = title.split('…').map(normaliseWords);
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A malformed escape: the address as it is will do.
  }
  return [url, decoded, url.replace(/%20/g, ' ')].some((address) => {
    const full = normaliseWords(address);
    return [full, full.replace(/^https? /, '')].some((shown) =>
      tail === undefined ? shown === head : shown.startsWith(head) && shown.endsWith(tail),
    );
  });
}
