import { describe, it, expect } from 'vitest';
import {
  entryMatchesUrl,
  formatSiteEntry,
  isIpLiteral,
  parseSiteEntry,
} from '../../shared/site-entry';
import type { SiteEntry } from '../../shared/site-entry';

const domain = (host: string): SiteEntry => ({ kind: 'domain', host });
const host = (h: string): SiteEntry => ({ kind: 'host', host: h });
const path = (h: string, p: string): SiteEntry => ({ kind: 'path', host: h, path: p });

function entryOf(text: string): SiteEntry {
  const result = parseSiteEntry(text);
  if (!result.ok) throw new Error(`test setup: ${text} was rejected: ${result.reason}`);
  return result.entry;
}

// [input, entry, canonical text]
// prettier-ignore
const accepted: [string, SiteEntry, string][] = [
  // Bare hosts cover the host and its subdomains.
  ['bbc.co.uk', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['www.bbc.co.uk', domain('www.bbc.co.uk'), 'www.bbc.co.uk'],
  ['example.com', domain('example.com'), 'example.com'],
  ['a.b.c.example.org', domain('a.b.c.example.org'), 'a.b.c.example.org'],
  ['moodle.school.org.uk', domain('moodle.school.org.uk'), 'moodle.school.org.uk'],
  ['stmarys.lancs.sch.uk', domain('stmarys.lancs.sch.uk'), 'stmarys.lancs.sch.uk'],
  ['my-school.co.uk', domain('my-school.co.uk'), 'my-school.co.uk'],
  ['a_b.example.com', domain('a_b.example.com'), 'a_b.example.com'],
  ['123maths.com', domain('123maths.com'), '123maths.com'],
  ['foo.github.io', domain('foo.github.io'), 'foo.github.io'],
  // Case, trailing dot and whitespace.
  ['BBC.CO.UK', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['Www.Bbc.Co.Uk', domain('www.bbc.co.uk'), 'www.bbc.co.uk'],
  ['bbc.co.uk.', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['BBC.CO.UK.', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['  bbc.co.uk  ', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['\tbbc.co.uk\r\n', domain('bbc.co.uk'), 'bbc.co.uk'],
  // IDN.
  ['bücher.de', domain('xn--bcher-kva.de'), 'xn--bcher-kva.de'],
  ['BÜCHER.DE', domain('xn--bcher-kva.de'), 'xn--bcher-kva.de'],
  ['xn--bcher-kva.de', domain('xn--bcher-kva.de'), 'xn--bcher-kva.de'],
  ['www.münchen.de', domain('www.xn--mnchen-3ya.de'), 'www.xn--mnchen-3ya.de'],
  ['ＢＢＣ.co.uk', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['bbc。co。uk', domain('bbc.co.uk'), 'bbc.co.uk'],
  // Default ports.
  ['bbc.co.uk:443', domain('bbc.co.uk'), 'bbc.co.uk'],
  ['bbc.co.uk:80', domain('bbc.co.uk'), 'bbc.co.uk'],
  // Fragments are dropped.
  ['bbc.co.uk#top', domain('bbc.co.uk'), 'bbc.co.uk'],
  // Exact hosts.
  ['=www.bbc.co.uk', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['=bbc.co.uk', host('bbc.co.uk'), '=bbc.co.uk'],
  ['=WWW.BBC.CO.UK.', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['=bücher.de', host('xn--bcher-kva.de'), '=xn--bcher-kva.de'],
  ['=www.bbc.co.uk:443', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['=https://www.bbc.co.uk/', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['=www.bbc.co.uk/cbeebies', path('www.bbc.co.uk', '/cbeebies'), 'www.bbc.co.uk/cbeebies'],
  // URLs: the scheme is dropped; a root path means exactly that host.
  ['https://www.bbc.co.uk', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['https://www.bbc.co.uk/', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['http://www.bbc.co.uk/', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['HTTPS://WWW.BBC.CO.UK/', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['Http://bbc.co.uk', host('bbc.co.uk'), '=bbc.co.uk'],
  ['https://bbc.co.uk:443/', host('bbc.co.uk'), '=bbc.co.uk'],
  ['http://bbc.co.uk:80/', host('bbc.co.uk'), '=bbc.co.uk'],
  ['https://www.bbc.co.uk/#top', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['https://www.bbc.co.uk.', host('www.bbc.co.uk'), '=www.bbc.co.uk'],
  ['https://bücher.de/', host('xn--bcher-kva.de'), '=xn--bcher-kva.de'],
  // URLs with paths.
  ['https://www.bbc.co.uk/cbeebies', path('www.bbc.co.uk', '/cbeebies'), 'www.bbc.co.uk/cbeebies'],
  ['https://www.bbc.co.uk/cbeebies/', path('www.bbc.co.uk', '/cbeebies/'), 'www.bbc.co.uk/cbeebies/'],
  ['https://WWW.BBC.CO.UK/CBeebies/Games', path('www.bbc.co.uk', '/CBeebies/Games'), 'www.bbc.co.uk/CBeebies/Games'],
  ['https://www.bbc.co.uk/cbeebies#top', path('www.bbc.co.uk', '/cbeebies'), 'www.bbc.co.uk/cbeebies'],
  ['https://bbc.co.uk:443/news', path('bbc.co.uk', '/news'), 'bbc.co.uk/news'],
  ['https://bücher.de/kinder', path('xn--bcher-kva.de', '/kinder'), 'xn--bcher-kva.de/kinder'],
  ['https://www.bbc.co.uk/café', path('www.bbc.co.uk', '/caf%C3%A9'), 'www.bbc.co.uk/caf%C3%A9'],
  ['https://www.bbc.co.uk/caf%C3%A9', path('www.bbc.co.uk', '/caf%C3%A9'), 'www.bbc.co.uk/caf%C3%A9'],
  ['https://example.com/a"b', path('example.com', '/a%22b'), 'example.com/a%22b'],
  ['https://example.com/~maths', path('example.com', '/~maths'), 'example.com/~maths'],
  ['https://example.com/a%20b', path('example.com', '/a%20b'), 'example.com/a%20b'],
  // Scheme-less paths.
  ['www.bbc.co.uk/cbeebies/', path('www.bbc.co.uk', '/cbeebies/'), 'www.bbc.co.uk/cbeebies/'],
  ['www.bbc.co.uk/cbeebies', path('www.bbc.co.uk', '/cbeebies'), 'www.bbc.co.uk/cbeebies'],
  ['www.bbc.co.uk/CBeebies', path('www.bbc.co.uk', '/CBeebies'), 'www.bbc.co.uk/CBeebies'],
  ['www.bbc.co.uk:443/cbeebies', path('www.bbc.co.uk', '/cbeebies'), 'www.bbc.co.uk/cbeebies'],
  ['www.bbc.co.uk/cbeebies/#games', path('www.bbc.co.uk', '/cbeebies/'), 'www.bbc.co.uk/cbeebies/'],
  ['www.bbc.co.uk//double', path('www.bbc.co.uk', '//double'), 'www.bbc.co.uk//double'],
  ['bbc.co.uk/', host('bbc.co.uk'), '=bbc.co.uk'],
  ['bbc.co.uk/#top', host('bbc.co.uk'), '=bbc.co.uk'],
  // IP literals never have subdomains.
  ['192.168.0.10', host('192.168.0.10'), '192.168.0.10'],
  ['10.0.0.1', host('10.0.0.1'), '10.0.0.1'],
  ['127.0.0.1', host('127.0.0.1'), '127.0.0.1'],
  ['=192.168.0.10', host('192.168.0.10'), '192.168.0.10'],
  ['192.168.0.10:80', host('192.168.0.10'), '192.168.0.10'],
  ['192.168.0.10.', host('192.168.0.10'), '192.168.0.10'],
  ['http://192.168.0.10', host('192.168.0.10'), '192.168.0.10'],
  ['192.168.0.10/moodle', path('192.168.0.10', '/moodle'), '192.168.0.10/moodle'],
  ['http://192.168.0.10/moodle/', path('192.168.0.10', '/moodle/'), '192.168.0.10/moodle/'],
  ['[2001:db8::1]', host('[2001:db8::1]'), '[2001:db8::1]'],
  ['[2001:DB8:0:0:0:0:0:1]', host('[2001:db8::1]'), '[2001:db8::1]'],
  ['=[::1]', host('[::1]'), '[::1]'],
  ['[::1]:443', host('[::1]'), '[::1]'],
  ['http://[2001:db8::1]/', host('[2001:db8::1]'), '[2001:db8::1]'],
  ['https://[2001:db8::1]:443/x', path('[2001:db8::1]', '/x'), '[2001:db8::1]/x'],
];

// [input, reason or the part of it that matters]
// prettier-ignore
const rejected: [string, string][] = [
  ['', 'is empty'],
  ['   ', 'is empty'],
  ['\t\n', 'is empty'],
  [`${'a'.repeat(2045)}.com`, 'is longer than 2048 characters'],
  ['bbc co uk', "'bbc co uk' is not a web address"],
  ['bbc.co.uk /cbeebies', "'bbc.co.uk /cbeebies' is not a web address"],
  ['bbc\u00a0co.uk', 'is not a web address'],
  ['bbc.co.uk\u0000', 'is not a web address'],
  ['bbc.co.uk\\cbeebies', 'is not a web address'],
  // Public suffixes and single labels.
  ['co.uk', "'co.uk' is a public suffix: it would include every site under it"],
  ['com', "'com' is a public suffix: it would include every site under it"],
  // Private suffixes too: each would include every user's site hosted under it.
  ['github.io', "'github.io' is a public suffix: it would include every site under it"],
  ['blogspot.com', "'blogspot.com' is a public suffix: it would include every site under it"],
  ['CO.UK', "'co.uk' is a public suffix"],
  ['co.uk.', "'co.uk' is a public suffix"],
  ['org.uk', "'org.uk' is a public suffix"],
  ['gov.uk', "'gov.uk' is a public suffix"],
  ['lancs.sch.uk', "'lancs.sch.uk' is a public suffix"],
  ['=co.uk', "'co.uk' is a public suffix"],
  ['https://co.uk/', "'co.uk' is a public suffix"],
  ['co.uk/news', "'co.uk' is a public suffix"],
  ['moodle', "'moodle' is not a full web address (for example moodle.school.org.uk)"],
  ['localhost', "'localhost' is not a full web address"],
  ['http://localhost/', "'localhost' is not a full web address"],
  ['=moodle', "'moodle' is not a full web address"],
  // Wildcards.
  ['*.bbc.co.uk', "write 'bbc.co.uk' to include it and all its subdomains"],
  ['*', "'*' contains a wildcard (*)"],
  ['bbc.*', "'bbc.*' contains a wildcard (*)"],
  ['*bbc.co.uk', "'*bbc.co.uk' contains a wildcard (*)"],
  ['https://*.bbc.co.uk/', 'contains a wildcard (*)'],
  ['www.bbc.co.uk/cbeebies/*', "write 'www.bbc.co.uk/cbeebies/' to include every page under it"],
  ['.bbc.co.uk', "'.bbc.co.uk' starts with a dot: write 'bbc.co.uk' to include it"],
  // Userinfo.
  ['https://user:pass@bbc.co.uk/', "'https://user:pass@bbc.co.uk/' contains a username or password"],
  ['user@bbc.co.uk', 'contains a username or password'],
  ['https://@bbc.co.uk/', 'contains a username or password'],
  ['https://bbc.co.uk@evil.com/', 'contains a username or password'],
  // Ports.
  ['bbc.co.uk:8080', "'bbc.co.uk:8080' has a port: ports such as :8080 are not supported"],
  ['https://bbc.co.uk:8443/', 'ports such as :8443 are not supported'],
  ['http://bbc.co.uk:443/', 'ports such as :443 are not supported'],
  ['https://bbc.co.uk:80/', 'ports such as :80 are not supported'],
  ['localhost:3000', 'ports such as :3000 are not supported'],
  ['[::1]:8080', 'ports such as :8080 are not supported'],
  ['bbc.co.uk:99999', 'ports such as :99999 are not supported'],
  ['bbc.co.uk:', "'bbc.co.uk:' is not a web address"],
  ['bbc.co.uk:abc', 'is not a web address'],
  // Queries.
  ['bbc.co.uk/?a=1', "addresses with '?' queries can't be listed; list the page's path instead"],
  ['https://www.bbc.co.uk/search?q=dinosaurs', "addresses with '?' queries can't be listed"],
  ['bbc.co.uk?', "addresses with '?' queries can't be listed"],
  ['https://bbc.co.uk/?#top', "addresses with '?' queries can't be listed"],
  // Schemes other than http and https.
  ['ftp://bbc.co.uk/', "'ftp://bbc.co.uk/' uses ftp:"],
  ['file:///C:/pupils/work.html', 'uses file:'],
  ['chrome://extensions', 'uses chrome:'],
  ['javascript:alert(1)', 'uses javascript:'],
  ['data:text/html,hello', 'uses data:'],
  ['mailto:head@school.org.uk', 'uses mailto:'],
  ['ws://bbc.co.uk/', 'uses ws:'],
  ['about:blank', 'uses about:'],
  ['chrome-extension://abcdef/page.html', 'uses chrome-extension:'],
  ['https:bbc.co.uk', "'https:bbc.co.uk' is not a web address"],
  ['http:/bbc.co.uk', 'is not a web address'],
  ['http:///bbc.co.uk', 'is not a web address'],
  ['//bbc.co.uk', 'is not a web address'],
  ['https://', 'is not a web address'],
  // Malformed names.
  ['bbc..co.uk', 'is not a web address'],
  ['-bbc.co.uk', 'is not a web address'],
  ['bbc-.co.uk', 'is not a web address'],
  ['bbc$.co.uk', 'is not a web address'],
  ['bbc.co.uk..', 'is not a web address'],
  ['%62bc.co.uk', 'is not a web address'],
  ['xn--zz.com', 'is not a web address'],
  [`${'a'.repeat(64)}.com`, 'is not a web address'],
  ['=', 'is not a web address'],
  ['==bbc.co.uk', 'is not a web address'],
  ['.', 'is not a web address'],
  // IP addresses a browser would read in surprising ways.
  ['0x7f.0.0.1', 'write an IP address as four numbers'],
  ['1.2.3', 'write an IP address as four numbers'],
  ['192.168.0.010', 'write an IP address as four numbers'],
  ['3232235530', 'write an IP address as four numbers'],
  ['256.1.1.1', 'is not a web address'],
  ['1.2.3.4.5', 'is not a web address'],
  ['2001:db8::1', 'write an IPv6 address in brackets, such as [2001:db8::1]'],
  ['[2001:db8::1', 'is not a web address'],
  ['[2001:db8::1]x', 'is not a web address'],
  // Dot segments would quietly widen a path.
  ['www.bbc.co.uk/cbeebies/../', "has '.' or '..' in its path"],
  ['www.bbc.co.uk/./cbeebies', "has '.' or '..' in its path"],
  ['www.bbc.co.uk/cbeebies/%2e%2e/', "has '.' or '..' in its path"],
];

// [input, notes]
// prettier-ignore
const noted: [string, string[]][] = [
  ['bbc.co.uk', []],
  ['BBC.CO.UK', []],
  ['https://www.bbc.co.uk/cbeebies', []],
  ['https://www.bbc.co.uk/#top', ["removed the fragment '#top'"]],
  ['bbc.co.uk#', ["removed the fragment '#'"]],
  ['bbc.co.uk.', ['removed the trailing dot']],
  ['192.168.0.10.', ['removed the trailing dot']],
  ['bbc.co.uk:443', ["removed the port ':443'"]],
  ['http://bbc.co.uk:80/', ["removed the port ':80'"]],
  ['bücher.de', ["wrote the name 'bücher.de' as 'xn--bcher-kva.de'"]],
  ['www.bbc.co.uk/café', ["wrote the path '/café' as '/caf%C3%A9'"]],
  ['[2001:0db8:0::1]', ["wrote the IP address '[2001:0db8:0::1]' as '[2001:db8::1]'"]],
  ['[2001:DB8::1]', []],
  ['https://bbc.co.uk:443/news#top', ["removed the port ':443'", "removed the fragment '#top'"]],
];

describe('parseSiteEntry accepts', () => {
  it.each(accepted)('%j', (input, entry, canonical) => {
    const result = parseSiteEntry(input);
    expect(result).toEqual({ ok: true, entry, notes: expect.any(Array) });
    if (result.ok) expect(formatSiteEntry(result.entry)).toBe(canonical);
  });
});

describe('formatSiteEntry round-trips through parseSiteEntry', () => {
  it.each(accepted)('%j', (_input, entry, canonical) => {
    expect(parseSiteEntry(formatSiteEntry(entry))).toEqual({ ok: true, entry, notes: [] });
    expect(parseSiteEntry(canonical)).toEqual({ ok: true, entry, notes: [] });
  });
});

describe('parseSiteEntry rejects', () => {
  it.each(rejected)('%j', (input, reason) => {
    const result = parseSiteEntry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('quotes only the start of a very long input', () => {
    const result = parseSiteEntry(`bbc co uk ${'x'.repeat(500)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(130);
  });
});

describe('parseSiteEntry notes', () => {
  it.each(noted)('%j', (input, notes) => {
    const result = parseSiteEntry(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notes).toEqual(notes);
  });
});

// [entry text, url, matches]
// prettier-ignore
const matches: [string, string, boolean][] = [
  // Domain: the host and every subdomain.
  ['bbc.co.uk', 'https://bbc.co.uk/', true],
  ['bbc.co.uk', 'http://bbc.co.uk/', true],
  ['bbc.co.uk', 'https://www.bbc.co.uk/news', true],
  ['bbc.co.uk', 'https://a.b.bbc.co.uk/', true],
  ['bbc.co.uk', 'https://BBC.CO.UK/', true],
  ['bbc.co.uk', 'https://bbc.co.uk./', true],
  ['bbc.co.uk', 'https://www.bbc.co.uk.:8080/', true],
  ['bbc.co.uk', 'https://bbc.co.uk/page?q=1#top', true],
  ['bbc.co.uk', 'https://bbc.co.uk.evil.com/', false],
  ['bbc.co.uk', 'https://evilbbc.co.uk/', false],
  ['bbc.co.uk', 'https://bbc.co.uk../', false],
  ['bbc.co.uk', 'https://co.uk/', false],
  ['bbc.co.uk', 'https://bbc.com/', false],
  ['bbc.co.uk', 'https://evil.com/?u=bbc.co.uk', false],
  ['bbc.co.uk', 'https://evil.com/bbc.co.uk', false],
  ['bbc.co.uk', 'https://evil.com/#bbc.co.uk', false],
  ['bbc.co.uk', 'https://bbc.co.uk@evil.com/', false],
  ['bbc.co.uk', 'ftp://bbc.co.uk/', false],
  ['bbc.co.uk', 'ws://bbc.co.uk/', false],
  ['bbc.co.uk', 'file:///bbc.co.uk', false],
  ['xn--bcher-kva.de', 'https://bücher.de/', true],
  ['xn--bcher-kva.de', 'https://shop.BÜCHER.de/', true],
  // Exact host.
  ['=www.bbc.co.uk', 'https://www.bbc.co.uk/', true],
  ['=www.bbc.co.uk', 'http://www.bbc.co.uk/anything?x=1#y', true],
  ['=www.bbc.co.uk', 'https://www.bbc.co.uk./', true],
  ['=www.bbc.co.uk', 'https://www.bbc.co.uk:8443/', true],
  ['=www.bbc.co.uk', 'https://bbc.co.uk/', false],
  ['=www.bbc.co.uk', 'https://news.www.bbc.co.uk/', false],
  ['=www.bbc.co.uk', 'https://www.bbc.co.uk.evil.com/', false],
  ['=www.bbc.co.uk', 'https://evilwww.bbc.co.uk/', false],
  // Path prefix without a trailing slash: the page itself and pages under it.
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/cbeebies', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/cbeebies/', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/cbeebies/games/x', true],
  ['www.bbc.co.uk/cbeebies', 'http://www.bbc.co.uk/cbeebies?x=1', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/cbeebies#top', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk:8443/cbeebies', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk./cbeebies', true],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/cbeebiesx', false],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/CBeebies', false],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/', false],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/news/cbeebies', false],
  ['www.bbc.co.uk/cbeebies', 'https://www.bbc.co.uk/?p=/cbeebies', false],
  ['www.bbc.co.uk/cbeebies', 'https://bbc.co.uk/cbeebies', false],
  ['www.bbc.co.uk/cbeebies', 'https://news.www.bbc.co.uk/cbeebies', false],
  ['www.bbc.co.uk/cbeebies', 'ftp://www.bbc.co.uk/cbeebies', false],
  // Path prefix with a trailing slash: only pages under it.
  ['www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/cbeebies/', true],
  ['www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/cbeebies/games', true],
  ['www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/cbeebies', false],
  ['www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/cbeebiesx/', false],
  ['www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/CBEEBIES/', false],
  ['www.bbc.co.uk/caf%C3%A9', 'https://www.bbc.co.uk/café/menu', true],
  // IP addresses.
  ['192.168.0.10', 'http://192.168.0.10/', true],
  ['192.168.0.10', 'http://192.168.0.10:8080/moodle', true],
  ['192.168.0.10', 'http://192.168.0.100/', false],
  ['192.168.0.10', 'http://192.168.0.1/', false],
  ['192.168.0.10/moodle', 'http://192.168.0.10/moodle/course', true],
  ['192.168.0.10/moodle', 'http://192.168.0.10/other', false],
  ['[2001:db8::1]', 'http://[2001:db8::1]/', true],
  ['[2001:db8::1]', 'http://[2001:DB8:0::1]/', true],
  ['[2001:db8::1]', 'http://[2001:db8::2]/', false],
];

describe('entryMatchesUrl', () => {
  it.each(matches)('%j on %s -> %s', (text, url, expected) => {
    expect(entryMatchesUrl(entryOf(text), new URL(url))).toBe(expected);
  });
});

// [host, is an IP literal]
// prettier-ignore
const ipLiterals: [string, boolean][] = [
  ['192.168.0.10', true],
  ['192.168.0.10.', true],
  ['[2001:db8::1]', true],
  ['2001:db8::1', true],
  ['1.2.3', true],
  ['0x7f.1', true],
  ['example.123', true],
  ['bbc.co.uk', false],
  ['1password.com', false],
  ['123maths.com', false],
  ['xn--bcher-kva.de', false],
  ['', false],
];

describe('isIpLiteral', () => {
  it.each(ipLiterals)('%j -> %s', (value, expected) => {
    expect(isIpLiteral(value)).toBe(expected);
  });
});
