// The built manifest, made fit for each way a school installs the extension. The repo's manifest
// carries a development `key` (a stable id for unpacked builds and tests, whose private key is
// not in the repo); neither package may keep it.

export type Manifest = Record<string, unknown> & { version: string };

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Keys that only tooling reads, or that belong to one way of installing only. */
const DEVELOPMENT_ONLY = ['$schema', 'key', 'update_url'] as const;

function without(manifest: Manifest): Manifest {
  const copy: Manifest = { ...manifest };
  for (const name of DEVELOPMENT_ONLY) delete copy[name];
  return copy;
}

/**
 * The Web Store refuses a manifest with a `key` ("key field is not allowed in manifest") and
 * gives every item its own id and update URL, so neither may be in the upload.
 */
export function webStoreManifest(manifest: Manifest): Manifest {
  return without(manifest);
}

/**
 * Self-hosted: the school's public key as `key`, so the id is the same whether Chromium installs
 * the CRX or someone loads the unpacked folder, and `update_url` at the school's hub, where
 * Chromium looks for new versions.
 */
export function selfHostedManifest(
  manifest: Manifest,
  publicKeyBase64: string,
  updateUrl: string,
): Manifest {
  return { ...without(manifest), key: publicKeyBase64, update_url: updateUrl };
}

export function manifestJson(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

export function parseManifest(text: string, source: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError(`${source} is not valid JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError(`${source} is not a JSON object.`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.version !== 'string') throw new ManifestError(`${source} has no version.`);
  return record as Manifest;
}
