// Every size and rate limit of the hub, in one place so they can be reviewed together.
import { KEEPALIVE_SECONDS } from '../../shared/hub-protocol';
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
  /** Any one WebSocket message, either way in; a larger one closes the socket (1009). */
  socketMessageBytes: number;
  /** How long a new WebSocket may take to say hello before it is closed (4401). */
  helloTimeoutMs: number;
  /**
   * The hub pings every socket this often; one silent for 2.5 times as long is closed, so a
   * device that vanished (lid shut, Wi-Fi gone) shows as offline within a minute.
   */
  keepaliveMs: number;
  /** The least time between two live updates of one class to its watching teachers. */
  liveUpdateGapMs: number;
  /** Classes one teacher socket may watch at once (the DSL may watch several). */
  watchedClassesPerSocket: number;
  /**
   * How long a pupil's device that was heard from in a lesson may be silent before the hub shows
   * their protection as off and alerts the DSL: three missed health reports (one a minute), so a
   * Wi-Fi blip or a reconnect never raises an alert (HUB_PROTECTION_SILENCE_SECONDS).
   */
  protectionSilenceMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: HubLimits = {
  jsonBodyBytes: 64 * 1024,
  largeBodies: {
    'POST /api/classes/:id/roster': 1024 * 1024,
    // Up to 50 requests of a 2,048-character address and a 500-character reason, in UTF-8.
    'POST /api/device/requests': 512 * 1024,
    // Up to 5 flags, each with a screenshot of up to 400,000 characters and the rest of the flag.
    'POST /api/device/flags': 2.5 * 1024 * 1024,
    // Up to 50 alerts of a 2,048-character address and a 100-character keyword, in UTF-8.
    'POST /api/device/keyword-alerts': 512 * 1024,
    // Up to 100 filtering records of a 2,048-character address (3 bytes a character at most).
    'POST /api/device/filtering-records': 768 * 1024,
    // Up to 500 keywords of 100 characters, which in a script other than Latin are 2 to 3 bytes.
    'PUT /api/keywords': 256 * 1024,
  },
  loginFailuresPerUser: { limit: 10, windowMs: 15 * MINUTE },
  loginFailuresPerAddress: { limit: 100, windowMs: 15 * MINUTE },
  deviceRequests: { limit: 60, windowMs: MINUTE },
  enrolmentsPerAddress: { limit: 300, windowMs: 15 * MINUTE },
  sessionMs: 12 * 60 * MINUTE,
  socketMessageBytes: 16 * 1024,
  helloTimeoutMs: 5_000,
  keepaliveMs: KEEPALIVE_SECONDS * 1000,
  // At most ten a second: a class of 30 confirming a lesson at once is three updates, not 30.
  liveUpdateGapMs: 100,
  watchedClassesPerSocket: 20,
  protectionSilenceMs: 3 * MINUTE,
};
