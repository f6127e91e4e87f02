// Validation of the managed policy a school sets in Google Admin (chrome.storage.managed).
// Each field is checked on its own: a wrong-typed field is rejected with a reason and its last
// good value stays in force, while the other fields still apply.
import { z } from 'zod';
import { keywordListSchema, MAX_KEYWORDS } from './flag';
import { keywordWords } from './keyword-match';
import { keyStageSchema, type KeyStage } from './policy-model';
import { MESSAGING_PLATFORM_IDS } from './messaging-platforms';
import { MAX_COPY_WORD_LIMIT, MIN_COPY_WORD_LIMIT } from './prompt-config';
import { formatSiteEntry, parseSiteEntry } from './site-entry';
import { isPinHash } from './pin-hash';
import { MAX_DEVICE_RECORD_DAYS, MIN_DEVICE_RECORD_DAYS } from './device-retention';

/** The managed policy keys, as declared in public/managed_schema.json. */
export const MANAGED_KEYS = [
  'keyStage',
  'ks1Sites',
  'ks2Sites',
  'alwaysBlockedSites',
  'imageSourceSites',
  'teacherPinHash',
  'hubUrl',
  'enrolmentToken',
  'flagScreenshots',
  'keywords',
  'messagingPlatforms',
  'copyWordLimit',
  'schoolName',
  'zipItTrustedSites',
  'signInSites',
  'deviceRecordDays',
] as const;

export const managedFieldsSchema = z.object({
  keyStage: keyStageSchema.optional(),
  ks1: z.array(z.string()).optional(),
  ks2: z.array(z.string()).optional(),
  alwaysBlocked: z.array(z.string()).optional(),
  imageSources: z.array(z.string()).optional(),
  teacherPinHash: z.string().optional(),
  hubUrl: z.string().optional(),
  enrolmentToken: z.string().optional(),
  /** A flag carries a picture of the screen only when the school switched this on. */
  flagScreenshots: z.boolean().optional(),
  /** The school's own keywords, watched for on top of the hub's list. */
  keywords: keywordListSchema.optional(),
  /** Block It: the messaging platforms the school uses (shared/messaging-platforms.ts ids). */
  messagingPlatforms: z.array(z.string()).optional(),
  /** Words copied from a page before the copyright reminder. */
  copyWordLimit: z.number().int().optional(),
  /** Zip It: the school's name, which a pupil is asked to keep to themselves on other sites. */
  schoolName: z.string().optional(),
  /** Zip It: the school's own trusted sites, where it stays quiet. */
  zipItTrustedSites: z.array(z.string()).optional(),
  /** Zip It: sites approved for signing in; a password typed on any other site prompts. */
  signInSites: z.array(z.string()).optional(),
  /** Days the device keeps records the hub confirmed it holds (shared/device-retention.ts). */
  deviceRecordDays: z.number().int().optional(),
});
/** Validated managed values; list entries are canonical site text. */
export type ManagedFields = z.infer<typeof managedFieldsSchema>;

export const managedStateSchema = z.object({
  fields: managedFieldsSchema,
  errors: z.array(z.string()),
});
export type ManagedState = z.infer<typeof managedStateSchema>;

export const emptyManagedState = (): ManagedState => ({ fields: {}, errors: [] });

const siteArray = z.array(z.string().max(2048)).max(200_000);

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `'${value.slice(0, 40)}'` : `a ${typeof value}`;
}

function readSites(
  key: string,
  value: unknown,
  errors: string[],
): { ok: true; sites: string[] } | { ok: false } {
  const parsed = siteArray.safeParse(value);
  if (!parsed.success) {
    errors.push(
      `${key}: expected a list of web addresses, got ${describeType(value)}; kept the last good list`,
    );
    return { ok: false };
  }
  const sites: string[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((text, index) => {
    const result = parseSiteEntry(text);
    if (!result.ok) {
      errors.push(`${key} item ${index + 1}: ${result.reason}`);
      return;
    }
    const site = formatSiteEntry(result.entry);
    if (!seen.has(site)) {
      seen.add(site);
      sites.push(site);
    }
  });
  return { ok: true, sites };
}

/**
 * Merges a freshly read managed policy into the last good one.
 * - An empty policy (`{}`) keeps every last good value: Chrome can report `{}` for a moment at
 *   start-up before the real policy arrives, and dropping the lists then would open access.
 * - A field that is absent from a non-empty policy was removed by the admin, so it is cleared.
 * - A field with the wrong type is rejected with a reason and its last good value is kept.
 */
export function applyManagedPolicy(raw: unknown, lastGood: ManagedFields): ManagedState {
  const errors: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      fields: lastGood,
      errors: ['managed policy is not an object; kept the last good policy'],
    };
  }
  const record = raw as Record<string, unknown>;
  if (Object.keys(record).length === 0) return { fields: lastGood, errors };

  for (const key of Object.keys(record)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      errors.push(`${key}: not a setting this extension knows; ignored`);
    }
  }

  const fields: ManagedFields = {};

  if ('keyStage' in record) {
    const parsed = keyStageSchema.safeParse(record.keyStage);
    if (parsed.success) fields.keyStage = parsed.data;
    else {
      errors.push(
        `keyStage: expected 'ks1' or 'ks2', got ${describeType(record.keyStage)}; kept the last good value`,
      );
      if (lastGood.keyStage) fields.keyStage = lastGood.keyStage;
    }
  }

  const lists = [
    ['ks1Sites', 'ks1'],
    ['ks2Sites', 'ks2'],
    ['alwaysBlockedSites', 'alwaysBlocked'],
    ['imageSourceSites', 'imageSources'],
    ['zipItTrustedSites', 'zipItTrustedSites'],
    ['signInSites', 'signInSites'],
  ] as const;
  for (const [key, list] of lists) {
    if (!(key in record)) continue;
    const result = readSites(key, record[key], errors);
    if (result.ok) fields[list] = result.sites;
    else if (lastGood[list]) fields[list] = lastGood[list];
  }

  if ('teacherPinHash' in record) {
    const value = record.teacherPinHash;
    if (typeof value === 'string' && isPinHash(value)) fields.teacherPinHash = value;
    else {
      errors.push(
        'teacherPinHash: not a PIN hash made by `npm run pin-hash`; kept the last good value',
      );
      if (lastGood.teacherPinHash) fields.teacherPinHash = lastGood.teacherPinHash;
    }
  }

  if ('hubUrl' in record) {
    const hubUrl = readHubUrl(record.hubUrl);
    if (hubUrl.ok) fields.hubUrl = hubUrl.url;
    else {
      errors.push(`hubUrl: ${hubUrl.reason}; kept the last good value`);
      if (lastGood.hubUrl) fields.hubUrl = lastGood.hubUrl;
    }
  }

  if ('enrolmentToken' in record) {
    const token = z.string().trim().min(8).max(200).safeParse(record.enrolmentToken);
    if (token.success) fields.enrolmentToken = token.data;
    else {
      errors.push('enrolmentToken: expected the token the hub printed; kept the last good value');
      if (lastGood.enrolmentToken) fields.enrolmentToken = lastGood.enrolmentToken;
    }
  }

  if ('flagScreenshots' in record) {
    const value = record.flagScreenshots;
    if (typeof value === 'boolean') fields.flagScreenshots = value;
    else {
      errors.push(
        `flagScreenshots: expected true or false, got ${describeType(value)}; kept the last good value`,
      );
      if (lastGood.flagScreenshots !== undefined) fields.flagScreenshots = lastGood.flagScreenshots;
    }
  }

  if ('keywords' in record) {
    const keywords = readKeywords(record.keywords, errors);
    if (keywords) fields.keywords = keywords;
    else if (lastGood.keywords) fields.keywords = lastGood.keywords;
  }

  if ('messagingPlatforms' in record) {
    const platforms = readMessagingPlatforms(record.messagingPlatforms, errors);
    if (platforms) fields.messagingPlatforms = platforms;
    else if (lastGood.messagingPlatforms) fields.messagingPlatforms = lastGood.messagingPlatforms;
  }

  if ('copyWordLimit' in record) {
    const limit = readCopyWordLimit(record.copyWordLimit, errors);
    if (limit !== null) fields.copyWordLimit = limit;
    else if (lastGood.copyWordLimit !== undefined) fields.copyWordLimit = lastGood.copyWordLimit;
  }

  if ('schoolName' in record) {
    const name = z.string().trim().min(2).max(200).safeParse(record.schoolName);
    if (name.success) fields.schoolName = name.data;
    else {
      errors.push(
        `schoolName: expected the school's name (2 to 200 characters), got ${describeType(record.schoolName)}; kept the last good value`,
      );
      if (lastGood.schoolName) fields.schoolName = lastGood.schoolName;
    }
  }

  if ('deviceRecordDays' in record) {
    const days = readDeviceRecordDays(record.deviceRecordDays, errors);
    if (days !== null) fields.deviceRecordDays = days;
    else if (lastGood.deviceRecordDays !== undefined)
      fields.deviceRecordDays = lastGood.deviceRecordDays;
  }

  return { fields, errors };
}

/**
 * The device's retention period: whole days in range, else null (with a reason). A value out
 * of range is refused rather than clamped, so a typo (700 for 70) is seen on the options page.
 */
function readDeviceRecordDays(value: unknown, errors: string[]): number | null {
  const range = { min: MIN_DEVICE_RECORD_DAYS, max: MAX_DEVICE_RECORD_DAYS };
  return readWholeNumber('deviceRecordDays', value, range, 'a whole number of days', errors);
}

/** A whole number within the range, else null with a reason naming the key and what it got. */
function readWholeNumber(
  key: string,
  value: unknown,
  { min, max }: { min: number; max: number },
  expected: string,
  errors: string[],
): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return value;
  }
  errors.push(
    `${key}: expected ${expected} from ${min} to ${max}, got ${typeof value === 'number' ? value : describeType(value)}; kept the last good value`,
  );
  return null;
}

/**
 * The school's keywords, as the hub's list is checked (shared/flag.ts keywordListSchema): a bad
 * item is reported with its position and the rest are kept; null when the value isn't a list.
 */
function readKeywords(value: unknown, errors: string[]): string[] | null {
  if (!Array.isArray(value)) {
    errors.push(
      `keywords: expected a list of words or phrases, got ${describeType(value)}; kept the last good list`,
    );
    return null;
  }
  const item = keywordListSchema.element;
  const keywords: string[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const parsed = item.safeParse(entry);
    const words = parsed.success ? keywordWords(parsed.data) : null;
    if (!parsed.success || !words) {
      errors.push(
        `keywords item ${index + 1}: expected a word or phrase of 2 to 100 characters, got ${describeType(entry)}`,
      );
      return;
    }
    if (seen.has(words)) return;
    seen.add(words);
    keywords.push(parsed.data);
  });
  if (keywords.length > MAX_KEYWORDS) {
    errors.push(`keywords: more than ${MAX_KEYWORDS}; only the first ${MAX_KEYWORDS} are used`);
    return keywords.slice(0, MAX_KEYWORDS);
  }
  return keywords;
}

/**
 * The platform ids a school listed for Block It. An unknown id (a typo, or a platform this
 * version doesn't know) is reported with its position and the rest are kept; null when the
 * value isn't a list. An empty list is kept: the school uses none of them.
 */
function readMessagingPlatforms(value: unknown, errors: string[]): string[] | null {
  if (!Array.isArray(value)) {
    errors.push(
      `messagingPlatforms: expected a list of platform names, got ${describeType(value)}; kept the last good list`,
    );
    return null;
  }
  const platforms: string[] = [];
  value.forEach((entry: unknown, index) => {
    const id = typeof entry === 'string' ? entry.trim().toLowerCase() : null;
    if (id === null || !MESSAGING_PLATFORM_IDS.includes(id)) {
      errors.push(
        `messagingPlatforms item ${index + 1}: expected one of ${MESSAGING_PLATFORM_IDS.join(', ')}, got ${describeType(entry)}`,
      );
      return;
    }
    if (!platforms.includes(id)) platforms.push(id);
  });
  return platforms;
}

/** The copyright reminder's word limit: a whole number in range, else null (with a reason). */
function readCopyWordLimit(value: unknown, errors: string[]): number | null {
  const range = { min: MIN_COPY_WORD_LIMIT, max: MAX_COPY_WORD_LIMIT };
  return readWholeNumber('copyWordLimit', value, range, 'a whole number', errors);
}

/**
 * The hub's address: https, or plain http only to this machine (a hub run for a demo or a
 * test). Anything else would send pupils' requests and flags in the clear. The package command
 * checks the address it writes into the self-hosted extension with this too.
 */
export function readHubUrl(
  value: unknown,
): { ok: true; url: string } | { ok: false; reason: string } {
  if (typeof value !== 'string')
    return { ok: false, reason: `expected an address, got ${describeType(value)}` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: `'${value.slice(0, 60)}' is not a web address` };
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: 'the hub must be reached over https (http only on this machine)' };
  }
  return { ok: true, url: url.origin };
}

export type { KeyStage };
