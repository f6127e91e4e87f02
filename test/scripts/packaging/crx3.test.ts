// The CRX3 writer against the format as Chromium reads it (components/crx_file/crx3.proto and
// crx_verifier.cc): the header parsed back field by field, the signature checked with
// node:crypto over the exact bytes Chromium verifies, and ids derived as Chromium derives them.
import { createHash, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrxError, publicKeyDer, readCrx3, writeCrx3 } from '../../../scripts/packaging/crx3';
import { crxIdBytes, extensionIdFromPublicKey } from '../../../scripts/packaging/extension-id';
import { bytesField, readBytesFields } from '../../../scripts/packaging/protobuf';
import { writeZip } from '../../../scripts/packaging/zip-writer';

let key: KeyObject;
let otherKey: KeyObject;
const zip = writeZip([{ name: 'manifest.json', data: Buffer.from('{"version":"1.0"}') }]);

beforeAll(() => {
  key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

const field = (bytes: Buffer, fieldNumber: number) =>
  readBytesFields(bytes)
    .filter((f) => f.fieldNumber === fieldNumber)
    .map((f) => f.payload);

describe('extension ids', () => {
  it('derives the repo manifest key’s id, jfihchfhddpjfhemlalhlcmdfnilofie', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'),
    ) as { key: string };
    expect(extensionIdFromPublicKey(Buffer.from(manifest.key, 'base64'))).toBe(
      'jfihchfhddpjfhemlalhlcmdfnilofie',
    );
  });

  it('spells the first 16 bytes of the key’s SHA-256 in the letters a to p', () => {
    const spki = publicKeyDer(key);
    const hex = createHash('sha256').update(spki).digest('hex').slice(0, 32);
    const spelt = [...hex].map((digit) => 'abcdefghijklmnop'[parseInt(digit, 16)]).join('');
    expect(extensionIdFromPublicKey(spki)).toBe(spelt);
    expect(extensionIdFromPublicKey(spki)).toMatch(/^[a-p]{32}$/);
  });
});

describe('protobuf fields', () => {
  it('encodes field 10000 and long payloads with multi-byte varints, and reads them back', () => {
    const payload = Buffer.alloc(300, 7);
    const encoded = bytesField(10000, payload);
    // Key 10000 << 3 | 2 = 80002 → 82 f1 04; length 300 → ac 02.
    expect(encoded.subarray(0, 5).toString('hex')).toBe('82f104ac02');
    expect(readBytesFields(encoded)).toEqual([{ fieldNumber: 10000, payload }]);
  });

  it('refuses fields that are not length-delimited or run past the end', () => {
    expect(() => readBytesFields(Buffer.from([0x08, 0x01]))).toThrow('wire type 0, not bytes');
    expect(() => readBytesFields(Buffer.from([0x0a, 0x05, 0x01]))).toThrow('runs past the end');
  });
});

describe('writeCrx3', () => {
  it('writes "Cr24", version 3, the header length, the header and then the zip unchanged', () => {
    const crx = writeCrx3(zip, key);
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerEnd = 12 + crx.readUInt32LE(8);
    expect(crx.subarray(headerEnd).equals(zip)).toBe(true);
  });

  it('carries one RSA proof by the key, and the key’s crx_id as signed header data', () => {
    const crx = writeCrx3(zip, key);
    const header = crx.subarray(12, 12 + crx.readUInt32LE(8));
    expect(readBytesFields(header).map((f) => f.fieldNumber)).toEqual([2, 10000]);
    const [proof] = field(header, 2) as [Buffer];
    const [signedHeaderData] = field(header, 10000) as [Buffer];
    const spki = publicKeyDer(key);
    expect(field(proof, 1)).toEqual([spki]);
    expect(field(signedHeaderData, 1)).toEqual([crxIdBytes(spki)]);
    expect(crxIdBytes(spki)).toEqual(createHash('sha256').update(spki).digest().subarray(0, 16));

    // The signature covers "CRX3 SignedData\0", the signed header's length, it, and the zip.
    const [signature] = field(proof, 2) as [Buffer];
    const length = Buffer.alloc(4);
    length.writeUInt32LE(signedHeaderData.length);
    const signed = Buffer.concat([
      Buffer.from('CRX3 SignedData\x00', 'latin1'),
      length,
      signedHeaderData,
      zip,
    ]);
    expect(verify('sha256', signed, key, signature)).toBe(true);
    expect(verify('sha256', Buffer.concat([signed, Buffer.from([0])]), key, signature)).toBe(false);
  });

  it('is read back by readCrx3 as the key’s extension with the same zip', () => {
    const read = readCrx3(writeCrx3(zip, key));
    expect(read.extensionId).toBe(extensionIdFromPublicKey(publicKeyDer(key)));
    expect(read.publicKey).toEqual(publicKeyDer(key));
    expect(read.zip.equals(zip)).toBe(true);
  });

  it('refuses a key that is not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => writeCrx3(zip, ec)).toThrow('A CRX is signed with an RSA key, not ec.');
  });
});

describe('readCrx3 refuses what Chromium refuses', () => {
  const good = () => writeCrx3(zip, key);
  const headerOf = (crx: Buffer) => crx.subarray(12, 12 + crx.readUInt32LE(8));
  const withHeader = (header: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    return Buffer.concat([Buffer.from('Cr24'), Buffer.from([3, 0, 0, 0]), length, header, zip]);
  };

  it.each([
    ['a zip', () => zip, 'Not a CRX: it does not start with "Cr24".'],
    [
      'format 2',
      () => Buffer.concat([Buffer.from('Cr24'), Buffer.from([2, 0, 0, 0]), good().subarray(8)]),
      'CRX format 2; Chromium takes 3.',
    ],
    [
      'a header longer than the file',
      () => {
        const crx = Buffer.from(good());
        crx.writeUInt32LE(crx.length, 8);
        return crx;
      },
      'The CRX header runs past the end of the file.',
    ],
    [
      'a changed zip',
      () => {
        const crx = Buffer.from(good());
        const at = crx.length - 30;
        crx.writeUInt8((crx.readUInt8(at) ^ 1) & 0xff, at);
        return crx;
      },
      'A signature in the CRX does not verify.',
    ],
    [
      'an id no proof’s key hashes to',
      () => {
        const [proof] = field(headerOf(good()), 2) as [Buffer];
        const otherId = bytesField(1, crxIdBytes(publicKeyDer(otherKey)));
        return withHeader(Buffer.concat([bytesField(2, proof), bytesField(10000, otherId)]));
      },
      'No proof in the CRX is by the key its id names.',
    ],
    [
      'no crx_id',
      () => withHeader(bytesField(2, field(headerOf(good()), 2)[0] as Buffer)),
      'The CRX header has no 16-byte crx_id.',
    ],
    [
      'a zip end-of-directory marker in the header',
      () => withHeader(Buffer.concat([headerOf(good()), bytesField(5, Buffer.from('PK\x05\x06'))])),
      'The CRX header holds a zip end-of-directory marker.',
    ],
  ])('%s', (_case, make, reason) => {
    expect(() => readCrx3(make())).toThrow(new CrxError(reason));
  });

  it('a second proof whose signature fails, beside a good one', () => {
    const header = headerOf(good());
    const spki = publicKeyDer(otherKey);
    const forged = bytesField(
      2,
      Buffer.concat([bytesField(1, spki), bytesField(2, Buffer.alloc(256))]),
    );
    expect(() => readCrx3(withHeader(Buffer.concat([forged, header])))).toThrow(
      'A signature in the CRX does not verify.',
    );
  });
});
