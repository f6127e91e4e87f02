import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, PIN_HASH_ITERATIONS, verifyPin } from '../../shared/pin-hash';

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const hash = await hashPin('2468', 1_000);
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('2469', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it('salts every hash, so the same PIN never stores the same text', async () => {
    expect(await hashPin('2468', 1_000)).not.toBe(await hashPin('2468', 1_000));
  });

  it('uses a slow default and records the work factor in the hash', async () => {
    expect(PIN_HASH_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(await hashPin('2468')).toMatch(/^pbkdf2-sha256\$600000\$/);
  });

  it('refuses anything that is not a hash', async () => {
    expect(isPinHash('2468')).toBe(false);
    expect(await verifyPin('2468', '2468')).toBe(false);
  });
});
