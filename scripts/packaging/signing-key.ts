// The school's signing key: it signs the self-hosted CRX and fixes the extension's id, so the
// same key must sign every later version (a new key is a new extension on every Chromebook).
// It is given as a file or as the PEM text itself (a CI secret), or made once and kept.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MIN_KEY_BITS = 2048;

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function describeCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

/** Parses PEM text as an RSA private key of at least 2048 bits; `source` names it in errors. */
export function parseSigningKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(pem) || describeCode(error) === 'ERR_MISSING_PASSPHRASE';
    throw new SigningKeyError(
      encrypted
        ? `${source} is encrypted with a passphrase; give the key without one (keep the file itself safe).`
        : `${source} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----").`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new SigningKeyError(
      `${source} is an ${key.asymmetricKeyType ?? 'unknown'} key; a CRX is signed with an RSA key.`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_KEY_BITS) {
    throw new SigningKeyError(`${source} is a ${bits}-bit RSA key; use at least ${MIN_KEY_BITS}.`);
  }
  return key;
}

export async function readSigningKeyFile(file: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    const code = describeCode(error);
    throw new SigningKeyError(
      code === 'ENOENT'
        ? `The signing key ${file} does not exist.`
        : code === 'EACCES'
          ? `The signing key ${file} cannot be read (permission denied).`
          : code === 'EISDIR'
            ? `The signing key ${file} is a folder, not a key file.`
            : `The signing key ${file} cannot be read: ${error instanceof Error ? error.message : error}`,
    );
  }
  return parseSigningKey(pem, `The signing key ${file}`);
}

export interface SchoolKey {
  key: KeyObject;
  /** Where it came from, for the summary. */
  source: string;
  /** Made by this run: the school must back it up. */
  created: boolean;
}

/**
 * The key named by `--key` or SAFE_CLASS_CRX_KEY (a file path, or the PEM text itself); with
 * neither, the one kept at `defaultFile`, made there (readable by its owner only) on first use.
 */
export async function schoolSigningKey(options: {
  keyFile: string | undefined;
  envValue: string | undefined;
  defaultFile: string;
}): Promise<SchoolKey> {
  if (options.keyFile) {
    return {
      key: await readSigningKeyFile(options.keyFile),
      source: options.keyFile,
      created: false,
    };
  }
  const env = options.envValue?.trim();
  if (env) {
    if (env.startsWith('-----BEGIN')) {
      return {
        key: parseSigningKey(env, 'SAFE_CLASS_CRX_KEY'),
        source: 'SAFE_CLASS_CRX_KEY',
        created: false,
      };
    }
    return { key: await readSigningKeyFile(env), source: env, created: false };
  }
  const existing = await stat(options.defaultFile).catch(() => null);
  if (existing) {
    const key = await readSigningKeyFile(options.defaultFile);
    return { key, source: options.defaultFile, created: false };
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: MIN_KEY_BITS });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  await mkdir(path.dirname(options.defaultFile), { recursive: true });
  // 'wx': never overwrite a key that appeared meanwhile; losing a key changes the extension id.
  await writeFile(options.defaultFile, pem, { mode: 0o600, flag: 'wx' });
  // The mode passed to writeFile is reduced by the umask; the key must end up 0600 whatever it is.
  await chmod(options.defaultFile, 0o600);
  return { key: privateKey, source: options.defaultFile, created: true };
}
