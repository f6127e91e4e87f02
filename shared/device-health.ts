// The device's health report: what a teacher and the DSL need to know that a pupil's filtering
// is working, and nothing about what the pupil does (least data: no address, no list entries,
// no account). The device sends it over its hub socket when the socket opens, after every
// policy change and once a minute (background/health/health-report.ts); the hub keeps the
// latest per device and decides from it, and from silence, whether protection is on.
import { z } from 'zod';
import { keyStageSchema } from './policy-model';

/**
 * Why a device says its protection is not what the school set. Each is checked on the device:
 * - `rules-not-installed`: the newest policy could not be compiled or installed (the previous
 *   rules stay in force, but they are not the school's current policy: a focus lesson, a removed
 *   site or a new always-blocked site may be missing);
 * - `rules-missing`: Chrome holds fewer dynamic rules than the device installed (something
 *   removed them), or none at all once a policy was installed;
 * - `no-policy`: no policy has been installed since the extension started (only the built-in
 *   failsafe rules, which block every page, stand).
 */
export const UNSAFE_REASONS = ['rules-not-installed', 'rules-missing', 'no-policy'] as const;
export const unsafeReasonSchema = z.enum(UNSAFE_REASONS);
export type UnsafeReason = z.infer<typeof unsafeReasonSchema>;

/** The lists the device's policy is built from, as counts only. */
export const HEALTH_LISTS = ['keyStage', 'alwaysBlocked', 'imageSources', 'lesson'] as const;

const count = z.number().int().min(0).max(1_000_000);
const time = z.iso.datetime({ offset: true });

export const deviceHealthSchema = z.object({
  /** The stable id the device made once (background/hub-link/hub-device.ts). */
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/),
  /** The installed rules' hash: the version of the policy in force; null before any. */
  policyHash: z.string().max(40).nullable(),
  /** When those rules were installed, by the device's clock. */
  appliedAt: time.nullable(),
  keyStage: keyStageSchema,
  keyStageSource: z.enum(['hub', 'managed', 'local', 'default', 'not-signed-in']),
  /** Entry counts of the lists in force; `starter` while the built-in list stands in. */
  lists: z.object({
    keyStage: count,
    starter: z.boolean(),
    alwaysBlocked: count,
    imageSources: count,
    /** The running lesson's sites; 0 outside a lesson. */
    lesson: count,
  }),
  /** Dynamic rules Chrome holds now, and how many the device installed. */
  ruleCount: count,
  expectedRuleCount: count.nullable(),
  /** The extension may run in incognito windows (chrome.extension.isAllowedIncognitoAccess). */
  incognitoAllowed: z.boolean(),
  /** An account is signed in to Chrome. */
  signedIn: z.boolean(),
  /** When the device last heard from the hub before this report; null if never. */
  lastHubContact: time.nullable(),
  /** Why the newest policy is not installed, if it isn't. */
  lastError: z.string().max(300).nullable(),
  /** Empty: protection is as the school set it. */
  unsafe: z.array(unsafeReasonSchema).max(UNSAFE_REASONS.length),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

/** What the device knows about its own rules, for `unsafeReasons`. */
export interface RuleFacts {
  /** The enforcement record, or null when no policy was ever installed. */
  installed: { ruleCount: number; lastError: string | null } | null;
  /** Dynamic rules Chrome holds now. */
  rulesInChrome: number;
}

/** The device's own verdict on its protection (see UNSAFE_REASONS). */
export function unsafeReasons({ installed, rulesInChrome }: RuleFacts): UnsafeReason[] {
  if (!installed) return ['no-policy'];
  const reasons: UnsafeReason[] = [];
  if (installed.lastError !== null) reasons.push('rules-not-installed');
  if (rulesInChrome === 0 || rulesInChrome < installed.ruleCount) reasons.push('rules-missing');
  return reasons;
}
