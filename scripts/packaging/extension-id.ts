// How Chromium names an extension from its public key (components/crx_file/id_util.cc): the
// first 16 bytes of the SHA-256 of the key's DER SubjectPublicKeyInfo, each hex digit written
// with the letters a to p (so an id never looks like a number or an IP address to a URL parser).
import { createHash } from 'node:crypto';

/** The 16 bytes a CRX3 header carries as `crx_id`. */
export function crxIdBytes(publicKeyDer: Uint8Array): Buffer {
  return createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
}

/** The 32-letter id from `crx_id` bytes. */
export function extensionIdFromCrxId(crxId: Uint8Array): string {
  let id = '';
  for (const byte of crxId) {
    id += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 0x0f));
  }
  return id;
}

/** The id Chromium gives the extension signed with (or whose manifest `key` is) this key. */
export function extensionIdFromPublicKey(publicKeyDer: Uint8Array): string {
  return extensionIdFromCrxId(crxIdBytes(publicKeyDer));
}
