// What Zip It needs from the school's settings, as the prompts script reads it from storage
// (shared/prompt-config.ts). Read by hand, field by field: a malformed trusted list means Zip It
// stays on everywhere, and a malformed sign-in list means a password prompts everywhere.

export interface ZipItConfig {
  /** The school's own sites, canonical site text: Zip It stays quiet there. */
  trustedSites: string[];
  /** Sites approved for signing in, canonical site text: a password typed elsewhere prompts. */
  signInSites: string[];
  /** The pupil's full name (from the classroom hub), or null when the device doesn't know it. */
  pupilName: string | null;
  /** The school's name (managed policy), or null. */
  schoolName: string | null;
}

/** The strictest reading: Zip It on everywhere, no sign-in sites, no names known. */
export const FALLBACK_ZIP_IT_CONFIG: ZipItConfig = {
  trustedSites: [],
  signInSites: [],
  pupilName: null,
  schoolName: null,
};

const MAX_SITES = 10_000;

function readSites(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_SITES) return [];
  if (!value.every((site) => typeof site === 'string' && site.length > 0 && site.length <= 2048)) {
    return [];
  }
  return value as string[];
}

function readName(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200 ? value : null;
}

export function readZipItConfig(value: unknown): ZipItConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return FALLBACK_ZIP_IT_CONFIG;
  }
  const record = value as Record<string, unknown>;
  return {
    trustedSites: readSites(record.trustedSites),
    signInSites: readSites(record.signInSites),
    pupilName: readName(record.pupilName),
    schoolName: readName(record.schoolName),
  };
}
