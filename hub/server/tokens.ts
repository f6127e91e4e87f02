// Random credentials and how they are stored. A bearer secret (session id, device token) is
// kept only as its SHA-256: it is 256 random bits, so a fast hash is enough, and a copy of the
// database can't be replayed.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** 32 random bytes as base64url: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a token we issued looks like; anything else is refused before the database is asked. */
export const issuedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Compares two secrets without the time taken saying how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a).digest();
  const digestB = createHash('sha256').update(b).digest();
  return timingSafeEqual(digestA, digestB);
}
