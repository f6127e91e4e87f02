import { describe, expect, it } from 'vitest';
import { matchPatternsFor } from '../../shared/match-patterns';
import { parseSiteEntry } from '../../shared/site-entry';

const patterns = (site: string) => {
  const parsed = parseSiteEntry(site);
  if (!parsed.ok) throw new Error(parsed.reason);
  return matchPatternsFor(parsed.entry);
};

describe('matchPatternsFor', () => {
  it.each([
    ['bbc.co.uk', ['*://*.bbc.co.uk/*']],
    ['=www.topmarks.co.uk', ['*://www.topmarks.co.uk/*']],
    ['192.168.0.10', ['*://192.168.0.10/*']],
    ['https://www.bbc.co.uk/cbeebies/', ['*://www.bbc.co.uk/cbeebies/*']],
    [
      'https://kids.example.org/maths',
      [
        '*://kids.example.org/maths',
        '*://kids.example.org/maths/*',
        '*://kids.example.org/maths?*',
      ],
    ],
  ])('%s → %j', (site, expected) => {
    expect(patterns(site)).toEqual(expected);
  });
});
