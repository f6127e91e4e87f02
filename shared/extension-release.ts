// Where a hub serves the self-hosted extension (see "Packaging and self-hosting" in the README),
// shared by the package command, which writes these names and URLs, and the hub, which serves
// them from its release folder.

export const UPDATE_MANIFEST_FILE = 'updates.xml';
export const UPDATE_MANIFEST_PATH = `/extension/${UPDATE_MANIFEST_FILE}`;

/** A manifest version: one to four dot-separated numbers from 0 to 65535, no leading zeros. */
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;

export function isExtensionVersion(version: string): boolean {
  return VERSION.test(version) && version.split('.').every((part) => Number(part) <= 65_535);
}

/** One CRX a version, so a changed package is a new URL and no cache can serve an old one. */
export function crxFileName(version: string): string {
  return `safe-class-${version}.crx`;
}

export function crxPath(version: string): string {
  return `/extension/${crxFileName(version)}`;
}

// The only names the hub serves: the update manifest and versioned CRXs. Nothing else in the
// folder (the Web Store zip, a signing key someone left there) can be asked for.
const SERVED = /^\/extension\/(updates\.xml|safe-class-\d{1,5}(?:\.\d{1,5}){0,3}\.crx)$/;

/** The file name a request path asks for, or null when the path is not a release file. */
export function releaseFileFor(requestPath: string): string | null {
  return SERVED.exec(requestPath)?.[1] ?? null;
}
