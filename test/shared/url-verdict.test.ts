import { describe, expect, it } from 'vitest';
import { createUrlJudge } from '../../shared/url-verdict';
import { entries } from './site-entries';

const judge = createUrlJudge({
  allow: entries(
    'bbc.co.uk',
    '=www.topmarks.co.uk',
    'https://www.phonicsplay.co.uk/games/',
    '192.168.0.10',
  ),
  block: entries('https://www.bbc.co.uk/news/', 'bad.example'),
});

describe('createUrlJudge', () => {
  it.each([
    ['https://bbc.co.uk/', 'allow', 'the listed domain itself'],
    ['https://www.bbc.co.uk/cbeebies', 'allow', 'a subdomain of a listed domain'],
    ['http://www.bbc.co.uk./', 'allow', 'a trailing dot on the host'],
    ['https://www.bbc.co.uk/news/uk', 'always', 'an always-blocked path beats the domain allow'],
    ['https://www.bbc.co.uk/newsround', 'allow', 'a near miss of the blocked path'],
    ['https://bbc.co.uk.evil.com/', 'list', 'a listed name inside another host'],
    ['https://evilbbc.co.uk/', 'list', 'a listed name as a suffix without a dot'],
    ['https://www.topmarks.co.uk/maths', 'allow', 'an exact host'],
    ['https://games.topmarks.co.uk/', 'list', 'a subdomain of an exact host'],
    ['https://www.phonicsplay.co.uk/games/phase2', 'allow', 'under a listed path'],
    ['https://www.phonicsplay.co.uk/Games/phase2', 'list', 'paths are case-sensitive'],
    ['https://www.phonicsplay.co.uk/', 'list', 'outside a listed path'],
    ['http://192.168.0.10:8080/', 'allow', 'an IP literal, any port'],
    ['https://a.bad.example/', 'always', 'a subdomain of an always-blocked domain'],
    ['chrome-extension://abc/options.html', 'allow', 'not a web page: DNR never judges it'],
    ['not a url', 'list', 'an unparseable address fails closed'],
  ])('%s → %s (%s)', (url, expected) => {
    const verdict = judge(url);
    expect(verdict.allowed ? 'allow' : verdict.reason).toBe(expected);
  });
});
