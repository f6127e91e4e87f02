import { describe, expect, it } from 'vitest';
import { filteringRecordUploadSchema, readBlockPageAddress } from '../../shared/filtering-record';
import { isProtectionPage } from '../../shared/protection-pages';

const BASE = 'chrome-extension://jfihchfhddpjfhemlalhlcmdfnilofie/extension/blocked.html';

describe('what a block page address says was blocked', () => {
  it.each([
    [
      `${BASE}?ks=ks2&why=list#https://games.example/play?x=1`,
      { url: 'https://games.example/play?x=1', category: 'list' },
    ],
    [
      `${BASE}?ks=ks1&why=circumvention#chrome://extensions/`,
      { url: 'chrome://extensions/', category: 'circumvention' },
    ],
    [
      `${BASE}?ks=ks2&why=images&img=a.org#https://www.bing.com/images/search?q=cat#frag`,
      { url: 'https://www.bing.com/images/search?q=cat#frag', category: 'images' },
    ],
    // The failsafe rules name no key stage.
    [`${BASE}?why=list#http://x.example/`, { url: 'http://x.example/', category: 'list' }],
    [
      `${BASE}?ks=ks2&why=piracy#https://thepiratebay.org/`,
      { url: 'https://thepiratebay.org/', category: 'piracy' },
    ],
    [
      `${BASE}?ks=ks2&why=always#https://bad.example/`,
      { url: 'https://bad.example/', category: 'always' },
    ],
    [`${BASE}?ks=ks2&why=fun#https://x.example/`, null],
    [`${BASE}?ks=ks2&why=list`, null],
    [`${BASE}?ks=ks2&why=list#`, null],
    [`${BASE}?ks=ks2&why=list#not an address`, null],
    [`${BASE.replace('blocked', 'download')}?why=list#https://x.example/`, null],
    ['https://evil.example/extension/blocked.html?why=list#https://x.example/', null],
  ])('%s → %j', (address, expected) => {
    expect(readBlockPageAddress(address, BASE)).toEqual(expected);
  });
});

describe('a filtering record upload', () => {
  const record = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    createdAt: '2026-03-02T09:00:00.000Z',
    url: 'https://games.example/',
    category: 'list',
    verdict: 'blocked',
  };
  it('takes the five fields the record holds', () => {
    expect(filteringRecordUploadSchema.parse(record)).toEqual(record);
  });
  it.each([
    [{ category: 'fun' }, /category: expected one of list, always, images, piracy, circumvention/],
    [{ verdict: 'allowed' }, /verdict: expected blocked/],
    [{ url: 'games.example' }, /url: expected an address with a scheme/],
    [{ url: '' }, /url: expected an address/],
    [{ id: '7' }, /id: expected a UUID/],
  ])('refuses %j with its field named', (change, message) => {
    const parsed = filteringRecordUploadSchema.safeParse({ ...record, ...change });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues?.join('; ')).toMatch(message);
  });
});

describe('the pages that turn protection off', () => {
  it.each([
    ['chrome://extensions/', true],
    ['chrome://extensions/?id=abc', true],
    ['chrome://extensions/shortcuts', true],
    ['chrome://extensions-internals/', true],
    ['chrome://settings/reset', true],
    ['chrome://settings/resetProfileSettings', true],
    ['chrome://settings/', false],
    ['chrome://settings/privacy', false],
    ['chrome://policy/', false],
    ['chrome://version/', false],
    ['https://extensions.example/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isProtectionPage(url)).toBe(expected));
});
