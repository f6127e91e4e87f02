// Teacher passwords are stored as scrypt hashes with a random salt each. The cost parameters are
// written into the hash, so they can be raised later and old hashes still verify.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** CPU and memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt option that needs 32 MiB a hash (N=2^15, r=8, p=3), not the 128 MiB one: a
 * school's hub may be a small box, and Node runs up to four hashes at once.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PATTERN =
  /^scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})$/;
/** Bounds on parameters read back from the database, so a bad row can't exhaust memory. */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r bytes; Node's default (32 MiB) is just below our default.
    const maxmem = 256 * params.N * params.r;
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  const { N, r, p } = params;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PATTERN.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, expected] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const validN = params.N >= 2 && params.N <= MAX_N && (params.N & (params.N - 1)) === 0;
  if (!validN || params.r < 1 || params.p < 1) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return timingSafeEqual(actual, Buffer.from(expected, 'base64url'));
}

/** A readable one-time password for the demo accounts: 16 characters, 96 random bits. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
