// A WebSocket close reason may be at most 123 bytes of UTF-8, and `ws` throws on a longer one,
// so every reason the hub sends is cut to fit, on a character boundary.
const MAX_BYTES = 123;

export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_BYTES) return text;
  let cut = '';
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > MAX_BYTES - 3) break;
    cut += character;
  }
  return `${cut}…`;
}
