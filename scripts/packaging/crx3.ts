// CRX3, the signed package Chromium installs from an update server
// (components/crx_file/crx3.proto, crx_creator.cc, crx_verifier.cc):
//   "Cr24" | uint32LE 3 | uint32LE header length | CrxFileHeader | zip
//   CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
//   AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
//   SignedData { bytes crx_id = 1; }
// Every proof signs "CRX3 SignedData\x00" + uint32LE(len(signed_header_data)) +
// signed_header_data + zip, with RSASSA-PKCS1-v1_5 over SHA-256. readCrx3 applies Chromium's own
// checks, so the package command can prove a file before it writes it.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { crxIdBytes, extensionIdFromCrxId, extensionIdFromPublicKey } from './extension-id';
import { bytesField, readBytesFields } from './protobuf';

const MAGIC = Buffer.from('Cr24', 'latin1');
const FORMAT_VERSION = 3;
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'latin1');
const SHA256_WITH_RSA = 2;
const SHA256_WITH_ECDSA = 3;
const SIGNED_HEADER_DATA = 10000;
const CRX_ID = 1;
const PUBLIC_KEY = 1;
const SIGNATURE = 2;
// Chromium refuses a header holding a zip end-of-central-directory marker: a zip reader that
// scans backwards could be led into the header instead of the archive.
const EOCD_MARKERS = [Buffer.from('PK\x05\x06', 'latin1'), Buffer.from('PK\x06\x07', 'latin1')];

export class CrxError extends Error {
  override name = 'CrxError';
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}

function signedMessage(signedHeaderData: Buffer, zip: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE_CONTEXT, uint32(signedHeaderData.length), signedHeaderData, zip]);
}

/** The public key as Chromium wants it in a proof: DER SubjectPublicKeyInfo. */
export function publicKeyDer(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** A CRX3 of this zip, signed with this RSA private key. */
export function writeCrx3(zip: Uint8Array, privateKey: KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new CrxError(`A CRX is signed with an RSA key, not ${privateKey.asymmetricKeyType}.`);
  }
  const spki = publicKeyDer(privateKey);
  const signedHeaderData = bytesField(CRX_ID, crxIdBytes(spki));
  const signature = sign('sha256', signedMessage(signedHeaderData, zip), privateKey);
  const header = Buffer.concat([
    bytesField(
      SHA256_WITH_RSA,
      Buffer.concat([bytesField(PUBLIC_KEY, spki), bytesField(SIGNATURE, signature)]),
    ),
    bytesField(SIGNED_HEADER_DATA, signedHeaderData),
  ]);
  if (EOCD_MARKERS.some((marker) => header.includes(marker))) {
    // A PKCS#1 v1.5 signature is the same every time, so signing again can't help.
    throw new CrxError(
      'This key and package give a CRX header Chromium would refuse (it holds a zip marker by chance); change the package (for example its version) and package again.',
    );
  }
  return Buffer.concat([MAGIC, uint32(FORMAT_VERSION), uint32(header.length), header, zip]);
}

export interface ReadCrx {
  extensionId: string;
  /** DER SubjectPublicKeyInfo of the key whose hash is the id. */
  publicKey: Buffer;
  zip: Buffer;
}

interface Proof {
  algorithm: 'rsa' | 'ecdsa';
  publicKey: Buffer;
  signature: Buffer;
}

function readProof(algorithm: Proof['algorithm'], payload: Buffer): Proof {
  let publicKey: Buffer = Buffer.alloc(0);
  let signature: Buffer = Buffer.alloc(0);
  for (const field of readBytesFields(payload)) {
    if (field.fieldNumber === PUBLIC_KEY) publicKey = field.payload;
    if (field.fieldNumber === SIGNATURE) signature = field.payload;
  }
  return { algorithm, publicKey, signature };
}

function proofVerifies(proof: Proof, message: Buffer): boolean {
  try {
    const key = createPublicKey({ key: proof.publicKey, format: 'der', type: 'spki' });
    return verify('sha256', message, key, proof.signature);
  } catch {
    return false;
  }
}

/** Parses and verifies a CRX3 as Chromium does; throws CrxError with the reason it would refuse. */
export function readCrx3(crx: Buffer): ReadCrx {
  if (crx.length < 12 || !crx.subarray(0, 4).equals(MAGIC)) {
    throw new CrxError('Not a CRX: it does not start with "Cr24".');
  }
  const version = crx.readUInt32LE(4);
  if (version !== FORMAT_VERSION) throw new CrxError(`CRX format ${version}; Chromium takes 3.`);
  const headerEnd = 12 + crx.readUInt32LE(8);
  if (headerEnd > crx.length) throw new CrxError('The CRX header runs past the end of the file.');
  const header = crx.subarray(12, headerEnd);
  if (EOCD_MARKERS.some((marker) => header.includes(marker))) {
    throw new CrxError('The CRX header holds a zip end-of-directory marker.');
  }
  const proofs: Proof[] = [];
  let signedHeaderData: Buffer = Buffer.alloc(0);
  for (const field of readBytesFields(header)) {
    if (field.fieldNumber === SHA256_WITH_RSA) proofs.push(readProof('rsa', field.payload));
    if (field.fieldNumber === SHA256_WITH_ECDSA) proofs.push(readProof('ecdsa', field.payload));
    if (field.fieldNumber === SIGNED_HEADER_DATA) signedHeaderData = field.payload;
  }
  const crxId = readBytesFields(signedHeaderData).find((f) => f.fieldNumber === CRX_ID)?.payload;
  if (!crxId || crxId.length !== 16) throw new CrxError('The CRX header has no 16-byte crx_id.');
  const extensionId = extensionIdFromCrxId(crxId);
  const developerProof = proofs.find(
    (proof) => extensionIdFromPublicKey(proof.publicKey) === extensionId,
  );
  if (!developerProof) throw new CrxError('No proof in the CRX is by the key its id names.');
  const zip = crx.subarray(headerEnd);
  const message = signedMessage(signedHeaderData, zip);
  if (!proofs.every((proof) => proofVerifies(proof, message))) {
    throw new CrxError('A signature in the CRX does not verify.');
  }
  return { extensionId, publicKey: developerProof.publicKey, zip };
}
