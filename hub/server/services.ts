// What the routes are built from. Tests pass their own database, clock and limits; main.ts
// passes the real ones. Rate limiters live here so each app (and each test) has its own.
import type { HubDb } from './database';
import type { ErrorLog } from './errors';
import { DEFAULT_LIMITS, type HubLimits } from './limits';
import { DEFAULT_SCRYPT, type ScryptParams } from './passwords';
import { RateLimiter } from './rate-limit';

export interface HubOptions {
  db: HubDb;
  now?: () => Date;
  limits?: Partial<HubLimits>;
  /** Cost of the stand-in hash checked when a username is unknown (see routes/auth.ts). */
  passwordParams?: ScryptParams;
  log?: ErrorLog;
}

export interface HubServices {
  db: HubDb;
  now: () => Date;
  limits: HubLimits;
  passwordParams: ScryptParams;
  log: ErrorLog;
  limiters: {
    loginPerUser: RateLimiter;
    loginPerAddress: RateLimiter;
    device: RateLimiter;
    enrolPerAddress: RateLimiter;
  };
}

export function createServices(options: HubOptions): HubServices {
  const now = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = () => now().getTime();
  return {
    db: options.db,
    now,
    limits,
    passwordParams: options.passwordParams ?? DEFAULT_SCRYPT,
    log: options.log ?? ((message, error) => console.error(message, error)),
    limiters: {
      loginPerUser: new RateLimiter(limits.loginFailuresPerUser, clock),
      loginPerAddress: new RateLimiter(limits.loginFailuresPerAddress, clock),
      device: new RateLimiter(limits.deviceRequests, clock),
      enrolPerAddress: new RateLimiter(limits.enrolmentsPerAddress, clock),
    },
  };
}
