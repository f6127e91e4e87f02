import { describe, expect, it } from 'vitest';
import { countWords, countWordsPlainly } from '../../shared/word-count';

describe.each([
  ['countWords', countWords],
  ['countWordsPlainly', countWordsPlainly],
])('%s', (_, count) => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Owls hunt at night.', 4],
    ['Owls  hunt\n\nat\tnight', 4],
    ["It's the owl's nest, isn't it?", 6],
    ['— , . ! ? " ( ) …', 0],
    ['In 1969, 3 astronauts flew 384,400 km.', 7],
    ['Café naïve façade', 3],
    ['Привет мир', 2],
    ['Pôle Nord: 90°', 3],
  ])('%j → %i words', (text, words) => {
    expect(count(text)).toBe(words);
  });

  it('counts Chinese and Japanese, which have no spaces, as more than one word', () => {
    // 我喜欢学习中文 "I like studying Chinese": 4 dictionary words, 7 characters.
    expect(count('我喜欢学习中文')).toBeGreaterThanOrEqual(4);
    expect(count('我喜欢学习中文')).toBeLessThanOrEqual(7);
    expect(count('日本語のテキストです')).toBeGreaterThanOrEqual(4);
    expect(count('Owls 是 夜行性 animals')).toBeGreaterThanOrEqual(4);
  });

  it('stops counting once past the limit it was given', () => {
    const long = 'word '.repeat(10_000);
    expect(count(long)).toBe(10_000);
    expect(count(long, 40)).toBe(41);
  });
});

describe('countWords', () => {
  it('splits Chinese by dictionary words where Intl.Segmenter is there', () => {
    expect(countWords('我喜欢学习中文')).toBe(4);
  });
});
