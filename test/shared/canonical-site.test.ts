import { describe, expect, it } from 'vitest';
import { decodeCanonicalSite } from '../../shared/canonical-site';
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';

describe('decodeCanonicalSite', () => {
  it.each([
    'bbc.co.uk',
    'www.bbc.co.uk',
    '=www.bbc.co.uk',
    'https://www.bbc.co.uk/cbeebies/',
    'www.bbc.co.uk/cbeebies',
    'kids.example.org/a%20b/',
    '192.168.0.10',
    '=192.168.0.10',
    'http://[2001:db8::1]/',
    '[2001:db8::1]/path/',
    'bücher.de',
    'a_b.example.com',
  ])('gives the full parser’s entry for the canonical form of %s', (input) => {
    const parsed = parseSiteEntry(input);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(decodeCanonicalSite(formatSiteEntry(parsed.entry))).toEqual(parsed.entry);
  });

  it.each([
    ['BBC.co.uk', 'upper case'],
    ['bbc co uk', 'a space'],
    ['moodle', 'a single name'],
    ['www.bbc.co.uk/news?x=1', 'a query'],
    ['www.bbc.co.uk/a b', 'a space in the path'],
    ['=', 'an empty host'],
    ['=192.168.0.10/', 'a path after an exact host'],
    ['https://bbc.co.uk/', 'a scheme'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (text) => {
    expect(decodeCanonicalSite(text)).toBeNull();
  });
});
