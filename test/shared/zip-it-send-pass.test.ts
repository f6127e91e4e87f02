import { describe, expect, it } from 'vitest';
import { createSendPass } from '../../shared/zip-it/send-pass';

describe('the pass "My teacher said it\'s OK" gives', () => {
  it('lets the same text through for a few seconds, and nothing else', () => {
    let now = 1_000;
    const pass = createSendPass(() => now);
    expect(pass.allows('postcode\nSW1A 1AA')).toBe(false);
    pass.grant('postcode\nSW1A 1AA');
    expect(pass.allows('postcode\nSW1A 1AA')).toBe(true);
    // The page's own click-then-submit a moment later is the same send.
    now += 2_000;
    expect(pass.allows('postcode\nSW1A 1AA')).toBe(true);
    expect(pass.allows('postcode\nSW1A 2AA')).toBe(false);
    now += 1_500;
    expect(pass.allows('postcode\nSW1A 1AA')).toBe(false);
    // Once expired it stays expired.
    now -= 1_500;
    expect(pass.allows('postcode\nSW1A 1AA')).toBe(false);
  });

  it('holds one send at a time: a new pass replaces the old', () => {
    const pass = createSendPass(() => 0);
    pass.grant('a');
    pass.grant('b');
    expect(pass.allows('a')).toBe(false);
    expect(pass.allows('b')).toBe(true);
  });
});
