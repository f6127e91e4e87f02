import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../hub/server/rate-limit';

describe('RateLimiter', () => {
  it('allows the limit in a window, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 10_000 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0);
    now = 7_500;
    expect(limiter.retryAfter('a')).toBe(3);
    now = 10_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('counts with hit(), takes one back with release() and forgets a key on clear()', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, () => 0);
    limiter.hit('k');
    limiter.hit('k');
    expect(limiter.retryAfter('k')).toBe(1);
    limiter.release('k');
    expect(limiter.retryAfter('k')).toBe(0);
    limiter.hit('k');
    limiter.clear('k');
    expect(limiter.retryAfter('k')).toBe(0);
  });
});
