// What the Chrome Web Store refuses in an upload that the build itself would not catch
// (developer.chrome.com/docs/webstore/prepare and the manifest reference): a `key` or an
// `update_url` (webStoreManifest removes both), a name over 75 characters and a description
// over 132, after `__MSG_…__` is looked up in the default locale. A missing 128-pixel icon is
// only a warning: the listing takes its own.
import type { Manifest } from './release-manifest';
import type { ZipEntry } from './zip-writer';

const MAX_NAME = 75;
const MAX_DESCRIPTION = 132;

function localised(value: unknown, manifest: Manifest, files: readonly ZipEntry[]): string {
  if (typeof value !== 'string') return '';
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const locale = typeof manifest.default_locale === 'string' ? manifest.default_locale : '';
  const file = files.find((entry) => entry.name === `_locales/${locale}/messages.json`);
  const messages = file
    ? (JSON.parse(Buffer.from(file.data).toString('utf8')) as Record<string, { message?: string }>)
    : {};
  return messages[key]?.message ?? '';
}

export interface StoreCheck {
  errors: string[];
  warnings: string[];
}

export function checkForWebStore(manifest: Manifest, files: readonly ZipEntry[]): StoreCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const field of ['key', 'update_url'] as const) {
    if (field in manifest) errors.push(`the manifest has "${field}", which the Web Store refuses`);
  }
  const name = localised(manifest.name, manifest, files);
  if (!name) errors.push('the manifest has no name (or its message is missing)');
  else if (name.length > MAX_NAME) errors.push(`the name is over ${MAX_NAME} characters`);
  const description = localised(manifest.description, manifest, files);
  if (description.length > MAX_DESCRIPTION) {
    errors.push(
      `the description is ${description.length} characters; the Web Store takes ${MAX_DESCRIPTION}`,
    );
  }
  const icons = manifest.icons as Record<string, unknown> | undefined;
  if (!icons?.['128']) {
    warnings.push('the manifest has no 128-pixel icon; the Web Store listing needs one uploaded');
  }
  return { errors, warnings };
}
