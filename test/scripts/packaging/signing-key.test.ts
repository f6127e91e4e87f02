// The school's signing key: given as a file or PEM text, or made once (owner-only) and reused;
// every unusable key is refused with the reason.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicKeyDer } from '../../../scripts/packaging/crx3';
import {
  parseSigningKey,
  readSigningKeyFile,
  schoolSigningKey,
  SigningKeyError,
} from '../../../scripts/packaging/signing-key';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'safe-class-key-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const rsaPem = (bits = 2048) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;

describe('schoolSigningKey', () => {
  it('makes a 2048-bit key readable by its owner only, once, and reuses it', async () => {
    const defaultFile = path.join(folder, 'release', 'signing-key.pem');
    const made = await schoolSigningKey({ keyFile: undefined, envValue: undefined, defaultFile });
    expect(made.created).toBe(true);
    expect(made.source).toBe(defaultFile);
    expect(made.key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect((await stat(defaultFile)).mode & 0o777).toBe(0o600);

    const again = await schoolSigningKey({ keyFile: undefined, envValue: '  ', defaultFile });
    expect(again.created).toBe(false);
    expect(publicKeyDer(again.key)).toEqual(publicKeyDer(made.key));
  });

  it('takes --key first, then SAFE_CLASS_CRX_KEY as a path or as the PEM text', async () => {
    const defaultFile = path.join(folder, 'never-made.pem');
    const fileKey = path.join(folder, 'school.pem');
    const pem = rsaPem();
    await writeFile(fileKey, pem);
    const other = rsaPem();

    const fromOption = await schoolSigningKey({ keyFile: fileKey, envValue: other, defaultFile });
    expect(fromOption).toMatchObject({ source: fileKey, created: false });
    expect(publicKeyDer(fromOption.key)).toEqual(publicKeyDer(parseSigningKey(pem, 'x')));

    const fromText = await schoolSigningKey({ keyFile: undefined, envValue: other, defaultFile });
    expect(fromText.source).toBe('SAFE_CLASS_CRX_KEY');
    expect(publicKeyDer(fromText.key)).toEqual(publicKeyDer(parseSigningKey(other, 'x')));

    const fromPath = await schoolSigningKey({ keyFile: undefined, envValue: fileKey, defaultFile });
    expect(fromPath.source).toBe(fileKey);
    await expect(stat(defaultFile)).rejects.toThrow();
  });
});

describe('unusable keys', () => {
  it.each([
    ['not PEM', () => 'hello', 'is not a PEM private key'],
    [
      'an EC key',
      () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
          type: 'pkcs8',
          format: 'pem',
        }) as string,
      'is an ec key; a CRX is signed with an RSA key.',
    ],
    ['a 1024-bit RSA key', () => rsaPem(1024), 'is a 1024-bit RSA key; use at least 2048.'],
    [
      'an encrypted key',
      () =>
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
          type: 'pkcs8',
          format: 'pem',
          cipher: 'aes-256-cbc',
          passphrase: 'secret',
        }) as string,
      'is encrypted with a passphrase; give the key without one',
    ],
    [
      'a public key',
      () =>
        generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
          type: 'spki',
          format: 'pem',
        }) as string,
      'is not a PEM private key',
    ],
  ])('refuses %s', async (_case, make, reason) => {
    const file = path.join(folder, 'key.pem');
    await writeFile(file, make());
    const error = await readSigningKeyFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toContain(`The signing key ${file} ${reason}`);
  });

  it.each([
    ['missing', 'nope.pem', 'does not exist.'],
    ['a folder', 'folder', 'is a folder, not a key file.'],
  ])('refuses a key file that is %s', async (_case, name, reason) => {
    await mkdir(path.join(folder, 'folder'));
    const file = path.join(folder, name);
    await expect(readSigningKeyFile(file)).rejects.toThrow(`The signing key ${file} ${reason}`);
  });
});
