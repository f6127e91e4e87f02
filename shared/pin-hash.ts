// The teacher PIN is stored only as a salted, slow hash (PBKDF2-SHA256), so a copy of the
// extension's storage or of the managed policy doesn't reveal it. WebCrypto exists both in the
// extension and in Node, so the same code makes hashes for `npm run pin-hash`.
const ALGORITHM = 'pbkdf2-sha256';
/** OWASP's 2023 figure for PBKDF2-SHA256; about half a second on a low-end Chromebook. */
export const PIN_HASH_ITERATIONS = 600_000;
const HASH_PATTERN = /^pbkdf2-sha256\$(\d{4,7})\$([A-Za-z0-9+/=]{16,64})\$([A-Za-z0-9+/=]{40,64})$/;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export function isPinHash(text: string): boolean {
  return HASH_PATTERN.test(text);
}

export async function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return `${ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return false;
  const [, iterations, salt, expected] = match as unknown as [string, string, string, string];
  const actual = await derive(pin, fromBase64(salt), Number(iterations));
  const wanted = fromBase64(expected);
  // Compare every byte so the time taken doesn't say how much of the PIN was right.
  let difference = actual.length ^ wanted.length;
  for (let i = 0; i < wanted.length; i++) difference |= (actual[i] ?? 0) ^ (wanted[i] ?? 0);
  return difference === 0;
}
