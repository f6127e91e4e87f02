import { describe, expect, it } from 'vitest';
import { IMAGE_SEARCH_PATTERNS } from '../../shared/image-search-patterns';
import { IMAGE_SEARCH_CASES } from './image-search-table';

// Chrome matches regexFilter case-insensitively unless a rule sets isUrlFilterCaseSensitive, and
// the compiler leaves it unset, so both readings must give the same verdict.
const compiled = IMAGE_SEARCH_PATTERNS.map((p) => ({
  pattern: p,
  exact: new RegExp(p.regex),
  folded: new RegExp(p.regex, 'i'),
}));

const isBlocked = (url: string, fold = false) =>
  compiled.some((c) => (fold ? c.folded : c.exact).test(url));

const ENGINES = [
  'Google',
  'Bing',
  'DuckDuckGo',
  'Yahoo',
  'Yandex',
  'Ecosia',
  'Startpage',
  'Brave',
  'Qwant',
  'Baidu',
  'Pinterest',
];

describe('image search table', () => {
  it.each(IMAGE_SEARCH_CASES)('$url → blocked: $blocked ($why)', ({ url, blocked }) => {
    expect(isBlocked(url)).toBe(blocked);
  });

  it('gives the same verdicts when matched case-insensitively, as Chrome does by default', () => {
    const differing = IMAGE_SEARCH_CASES.filter((c) => isBlocked(c.url, true) !== c.blocked);
    expect(differing.map((c) => c.url)).toEqual([]);
  });

  it('writes every address as Chrome canonicalises it', () => {
    const uncanonical = IMAGE_SEARCH_CASES.filter((c) => new URL(c.url).href !== c.url);
    expect(uncanonical.map((c) => c.url)).toEqual([]);
  });

  it('has enough cases on both sides, without duplicates', () => {
    const blocked = IMAGE_SEARCH_CASES.filter((c) => c.blocked).length;
    expect(IMAGE_SEARCH_CASES.length).toBeGreaterThanOrEqual(150);
    expect(blocked).toBeGreaterThanOrEqual(95);
    expect(IMAGE_SEARCH_CASES.length - blocked).toBeGreaterThanOrEqual(55);
    expect(new Set(IMAGE_SEARCH_CASES.map((c) => c.url)).size).toBe(IMAGE_SEARCH_CASES.length);
  });
});

describe('IMAGE_SEARCH_PATTERNS', () => {
  it.each(IMAGE_SEARCH_PATTERNS)('$engine: $catches', (p) => {
    expect(() => new RegExp(p.regex)).not.toThrow();
    expect(p.regex.startsWith('^https?://')).toBe(true);
    expect(p.regex.length).toBeLessThan(300);
    expect(p.engine.trim()).not.toBe('');
    expect(p.catches.trim()).not.toBe('');
  });

  it.each(IMAGE_SEARCH_PATTERNS)('$engine uses only syntax RE2 and JavaScript share', (p) => {
    // Only the non-capturing group `(?:` may follow `(?`: that rules out lookaround, named
    // groups, inline flags such as (?i) and atomic groups.
    expect(p.regex.replaceAll('(?:', '')).not.toContain('(?');
    // Backreferences, and anchors only one engine knows (\A, \z, \Z).
    expect(p.regex).not.toMatch(/\\[1-9AzZ]/);
    // Possessive quantifiers.
    expect(p.regex).not.toMatch(/[*+?}]\+/);
    // Capturing groups: the block redirect's regexSubstitution makes Chrome compile with
    // captures on, and each one eats into the 2 KB budget of a regex rule.
    expect(p.regex).not.toMatch(/(^|[^\\])\((?!\?:)/);
  });

  it('has no dead pattern: each one blocks at least one case in the table', () => {
    const blockedUrls = IMAGE_SEARCH_CASES.filter((c) => c.blocked).map((c) => c.url);
    const dead = compiled
      .filter((c) => !blockedUrls.some((url) => c.exact.test(url)))
      .map((c) => c.pattern.catches);
    expect(dead).toEqual([]);
  });

  it('covers every engine the school rule names', () => {
    const engines = new Set(IMAGE_SEARCH_PATTERNS.map((p) => p.engine));
    expect(ENGINES.filter((e) => !engines.has(e))).toEqual([]);
  });

  it('stays a modest number of regex rules, with no duplicates', () => {
    // Each pattern is one DNR regex rule; Chrome allows 1,000 of those in total.
    expect(IMAGE_SEARCH_PATTERNS.length).toBeLessThan(60);
    const regexes = IMAGE_SEARCH_PATTERNS.map((p) => p.regex);
    expect(new Set(regexes).size).toBe(regexes.length);
  });
});
