// Every size and rate limit of the hub, in one place so they can be reviewed together.
import type { RateRule } from './rate-limit';

export interface HubLimits {
  /** Any request body, unless its route is listed in `largeBodies`. */
  jsonBodyBytes: number;
  /** Bodies allowed to be larger, by `METHOD /route/path`. */
  largeBodies: Readonly<Record<string, number>>;
  /** Failed logins for one username from one address. */
  loginFailuresPerUser: RateRule;
  /** Failed logins from one address over every username, against password spraying. */
  loginFailuresPerAddress: RateRule;
  /** Requests by one enrolled device. */
  deviceRequests: RateRule;
  /**
   * Enrolments from one address. A whole school can sit behind one address, so this is loose; it
   * slows a stolen enrolment token being used to test which emails are on a roster.
   */
  enrolmentsPerAddress: RateRule;
  /** How long a teacher's login lasts: a school day with room to spare. */
  sessionMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: HubLimits = {
  jsonBodyBytes: 64 * 1024,
  largeBodies: { 'POST /api/classes/:id/roster': 1024 * 1024 },
  loginFailuresPerUser: { limit: 10, windowMs: 15 * MINUTE },
  loginFailuresPerAddress: { limit: 100, windowMs: 15 * MINUTE },
  deviceRequests: { limit: 60, windowMs: MINUTE },
  enrolmentsPerAddress: { limit: 300, windowMs: 15 * MINUTE },
  sessionMs: 12 * 60 * MINUTE,
};
