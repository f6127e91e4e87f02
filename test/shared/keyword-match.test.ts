import { describe, expect, it } from 'vitest';
import {
  createKeywordMatcher,
  isAddressTitle,
  mergeKeywordLists,
  normaliseWords,
  searchTerms,
} from '../../shared/keyword-match';

const KEYWORDS = ['self harm', 'kill myself', 'ass', 'Suicide', "don't tell", 'ISIS', 'c++'];
const matcher = createKeywordMatcher(KEYWORDS);

describe('the keyword matcher', () => {
  it.each([
    ['how to self harm', ['self harm']],
    ['SELF HARM', ['self harm']],
    ['Self-harm!!', ['self harm']],
    ['self    harm', ['self harm']],
    ['self\tharm\nhelp', ['self harm']],
    ['"self_harm"', ['self harm']],
    ['i want to kill myself', ['kill myself']],
    ['kill... myself?', ['kill myself']],
    ['suicide.', ['Suicide']],
    ['SUICIDE prevention', ['Suicide']],
    ['Dont tell — don’t tell anyone', ["don't tell"]],
    ["don't tell mum", ["don't tell"]],
    ['ass', ['ass']],
    ['you are an ass!', ['ass']],
    ['isis flag', ['ISIS']],
    ['ｓｕｉｃｉｄｅ', ['Suicide']],
    ['self harm and suicide', ['self harm', 'Suicide']],
  ])('finds a keyword in %j', (text, expected) => {
    expect(matcher.find(text)).toEqual(expected);
  });

  it.each([
    'classic cars',
    'passing the test',
    'bass guitar',
    'a selfie of my harmonica',
    'selfharm',
    'kill my selfie',
    'suicides',
    'suicidebrigade',
    'crisis',
    'nothing to see here',
    '',
    '   ',
    '!!!',
  ])('finds nothing in %j (whole words only)', (text) => {
    expect(matcher.find(text)).toEqual([]);
  });

  it('never matches a keyword that is all punctuation or a single letter without it', () => {
    expect(createKeywordMatcher(['!!', '--', 'C++']).find('hello !! -- world, vitamin c')).toEqual(
      [],
    );
  });

  it('folds case and punctuation the same way for keywords and text', () => {
    expect(normaliseWords('  Self-Harm!!  ')).toBe('self harm');
    expect(normaliseWords('C++ and C#')).toBe('c and c');
  });
});

describe('search terms', () => {
  it.each([
    ['https://www.google.com/search?q=self+harm&safe=active', ['self harm']],
    ['https://www.bing.com/search?q=kill%20myself', ['kill myself']],
    ['https://search.yahoo.com/search?p=suicide', ['suicide']],
    ['https://www.youtube.com/results?search_query=isis+video', ['isis video']],
    ['https://yandex.com/search/?text=hello', ['hello']],
    ['https://www.kiddle.co/s.php?query=volcano', ['volcano']],
    ['https://example.org/find?search=owls&page=2', ['owls']],
    ['https://example.org/?q=one&q=two', ['one', 'two']],
  ])('reads %s', (url, expected) => {
    expect(searchTerms(url)).toEqual(expected);
  });

  it.each([
    'https://www.bbc.co.uk/news/self-harm',
    'https://example.org/?page=suicide',
    'https://example.org/?q=',
    'chrome://settings/?search=passwords',
    'not a url',
  ])('finds no search in %s', (url) => {
    expect(searchTerms(url)).toEqual([]);
  });

  it('matches keywords in the path only through the title, never the path itself', () => {
    const terms = searchTerms('https://www.bbc.co.uk/self-harm?q=maths');
    expect(terms.flatMap((term) => matcher.find(term))).toEqual([]);
  });
});

describe("a tab's title that is only its address", () => {
  const url = 'https://stories.example/self%20harm/self-harm?q=help#top';
  it.each([
    'https://stories.example/self%20harm/self-harm?q=help#top',
    'stories.example/self%20harm/self-harm?q=help#top',
    'stories.example/self harm/self-harm?q=help#top',
    // Past Chrome's length limit, cut in the middle.
    'https://stories.example/self%20h…m?q=help#top',
  ])('is %j', (title) => {
    expect(isAddressTitle(title, url)).toBe(true);
  });

  it.each(['Self harm stories', 'stories.example', 'Self harm … help', ''])(
    'is not %j',
    (title) => {
      expect(isAddressTitle(title, url)).toBe(false);
    },
  );

  it('reads a malformed escape as it is', () => {
    expect(isAddressTitle('x.example/100%', 'https://x.example/100%')).toBe(true);
  });
});

describe('merging keyword lists', () => {
  it('keeps the first spelling of a keyword found in several lists', () => {
    expect(mergeKeywordLists(['Self harm', 'ISIS'], ['self-harm', 'grooming', ' !! '])).toEqual([
      'Self harm',
      'ISIS',
      'grooming',
    ]);
  });
});
