// Counts the words in copied text, for the copyright reminder's limit. Words are what
// Intl.Segmenter calls word-like, so Chinese and Japanese (written without spaces) are counted
// by their dictionary words rather than as one long "word", and punctuation never counts. A
// hyphenated word counts as two ("e-mail"), which only matters near the limit.

/** Past this many characters a selection is long enough: counting stops early. */
const EARLY_STOP_CHARACTERS = 200_000;

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  // Made on first use, not when the page loads: most pages never copy anything.
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'word' })
        : null;
  }
  return segmenter;
}

/** Han ideographs and kana: written without spaces, so a plain reader can't split them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+|[.,]\p{N}+)*/gu;

/**
 * The plain reading where Intl.Segmenter is missing: runs of letters and digits are words, and
 * each CJK character counts as one (a fair stand-in: most Chinese words are one or two).
 */
export function countWordsPlainly(text: string, stopAbove = Infinity): number {
  const words = text.replace(CJK, ' $& ').matchAll(WORD);
  let count = 0;
  while (!words.next().done) {
    count += 1;
    if (count > stopAbove) return count;
  }
  return count;
}

/**
 * The number of words in `text`. With `stopAbove`, counting ends as soon as the count passes
 * it (the reminder only needs to know that), so selecting a whole long page stays cheap.
 */
export function countWords(text: string, stopAbove = Infinity): number {
  const sample = text.length > EARLY_STOP_CHARACTERS ? text.slice(0, EARLY_STOP_CHARACTERS) : text;
  const words = wordSegmenter();
  if (!words) return countWordsPlainly(sample, stopAbove);
  let count = 0;
  for (const segment of words.segment(sample)) {
    if (!segment.isWordLike) continue;
    count += 1;
    if (count > stopAbove) return count;
  }
  return count;
}
