import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../hub/server/passwords';
import { FAST_SCRYPT } from './hub-fixture';

describe('passwords', () => {
  it('records the scrypt parameters and a salt in the hash', async () => {
    const hash = await hashPassword('correct horse', FAST_SCRYPT);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('salts each hash, so the same password hashes differently', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same', FAST_SCRYPT),
      hashPassword('same', FAST_SCRYPT),
    ]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse', FAST_SCRYPT);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('reads the parameters from the hash, so older costs still verify', async () => {
    const cheaper = await hashPassword('pw', { N: 512, r: 4, p: 1 });
    expect(cheaper.startsWith('scrypt$512$4$1$')).toBe(true);
    expect(await verifyPassword('pw', cheaper)).toBe(true);
  });

  it.each([
    ['not a hash', 'plain-text'],
    ['N not a power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)],
    ['N too large', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`],
    ['another algorithm', 'pbkdf2-sha256$600000$abc$def'],
  ])('refuses a stored value that is %s', async (_why, stored) => {
    expect(await verifyPassword('pw', stored)).toBe(false);
  });
});
