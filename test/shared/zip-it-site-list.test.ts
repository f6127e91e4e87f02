// The prompts script's own matcher for the Zip It lists must agree with entryMatchesUrl, the
// matcher the rules are built from, on every kind of canonical entry.
import { describe, expect, it } from 'vitest';
import { decodeCanonicalSite } from '../../shared/canonical-site';
import { entryMatchesUrl } from '../../shared/site-entry';
import { siteListIncludes } from '../../shared/zip-it/site-list';

const ENTRIES = [
  'oakfield.example.org',
  '=www.purplemash.com',
  'login.example.com/sso/',
  'www.bbc.co.uk/bitesize',
  '192.168.0.10',
];

const URLS = [
  'https://oakfield.example.org/',
  'https://www.oakfield.example.org/homework?x=1',
  'https://notoakfield.example.org/',
  'https://oakfield.example.org.evil.example/',
  'https://www.purplemash.com/app',
  'https://purplemash.com/',
  'https://kids.www.purplemash.com/',
  'https://login.example.com/sso/',
  'https://login.example.com/sso/start',
  'https://login.example.com/sso',
  'https://login.example.com/other',
  'https://www.bbc.co.uk/bitesize',
  'https://www.bbc.co.uk/bitesize/maths',
  'https://www.bbc.co.uk/bitesizefun',
  'http://192.168.0.10:8080/quiz',
  'http://192.168.0.100/',
  'https://oakfield.example.org./',
  'file:///home/pupil/oakfield.example.org',
  'chrome-extension://abc/oakfield.example.org',
];

describe('siteListIncludes', () => {
  it.each(ENTRIES.flatMap((entry) => URLS.map((url) => [entry, url] as const)))(
    '%s covers %s exactly as entryMatchesUrl says',
    (entry, url) => {
      const decoded = decodeCanonicalSite(entry);
      expect(decoded).not.toBeNull();
      if (!decoded) return;
      expect(siteListIncludes([entry], new URL(url))).toBe(entryMatchesUrl(decoded, new URL(url)));
    },
  );

  it('is true when any entry covers the page, false for an empty list', () => {
    const url = new URL('https://www.purplemash.com/');
    expect(siteListIncludes(ENTRIES, url)).toBe(true);
    expect(siteListIncludes([], url)).toBe(false);
  });
});
