// Chrome derives an extension's id from its public key: the first 32 hex digits of the key's
// SHA-256, written with the letters a-p. The manifest's fixed `key` therefore fixes the id,
// which the static failsafe rules and the Google Admin policy both need to know in advance.
export async function extensionIdFromKey(keyBase64: string): Promise<string> {
  const der = Uint8Array.from(atob(keyBase64), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  return [...digest.slice(0, 16)]
    .flatMap((byte) => [byte >> 4, byte & 15])
    .map((nibble) => String.fromCharCode(97 + nibble))
    .join('');
}
