// What the routes are built from. Tests pass their own database, clock and limits; main.ts
// passes the real ones. Rate limiters live here so each app (and each test) has its own, and so
// do the live parts: the lesson bus, who is connected, and the teachers' live feed.
import type { HubDb } from './database';
import { DevicePresence, type PresenceEvent } from './device-presence';
import type { ErrorLog } from './errors';
import { createInProcessBus, type LessonBus } from './lesson-bus';
import { DEFAULT_LIMITS, type HubLimits } from './limits';
import { LiveFeed } from './live-feed';
import { buildLiveView } from './live-view';
import { DEFAULT_SCRYPT, type ScryptParams } from './passwords';
import { ProtectionWatch } from './protection-watch';
import { RateLimiter } from './rate-limit';
import { Keepalive } from './socket-keepalive';

export interface HubOptions {
  db: HubDb;
  now?: () => Date;
  limits?: Partial<HubLimits>;
  /** Cost of the stand-in hash checked when a username is unknown (see routes/auth.ts). */
  passwordParams?: ScryptParams;
  log?: ErrorLog;
  /** The lesson fan-out; in-process unless a deployment supplies another (lesson-bus.ts). */
  bus?: LessonBus;
  /** Hears every device event the hub acts on, for metrics (the fan-out bench uses it). */
  observe?: (event: PresenceEvent) => void;
  /** Where `npm run package` wrote the self-hosted extension (extension-release.ts). */
  releaseDir?: string;
}

/** Socket messages the hub ignored or refused, for the log and the bench. */
export interface SocketStats {
  /** Not JSON, binary, an unknown type, or a hello out of turn. */
  ignoredMessages: number;
  /** Sockets closed for saying no good hello in time. */
  refusedHellos: number;
  /** Sockets closed for being silent past the keepalive. */
  closedSilent: number;
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
  bus: LessonBus;
  presence: DevicePresence;
  liveFeed: LiveFeed;
  keepalive: Keepalive;
  socketStats: SocketStats;
  /** Opens and closes protection alerts (protection-watch.ts). */
  protection: ProtectionWatch;
}

export function createServices(options: HubOptions): HubServices {
  const now = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = () => now().getTime();
  const log: ErrorLog = options.log ?? ((message, error) => console.error(message, error));
  const bus = options.bus ?? createInProcessBus(log);
  const presence = new DevicePresence(bus, log);
  const liveFeed = new LiveFeed({
    build: (classId) => buildLiveView({ db: options.db, presence, now, limits }, classId),
    bus,
    minGapMs: limits.liveUpdateGapMs,
    now,
    log,
  });
  presence.onChange((event) => liveFeed.changed(event.link.classId));
  if (options.observe) presence.onChange(options.observe);
  const protection = new ProtectionWatch({
    db: options.db,
    presence,
    bus,
    changed: (classId) => liveFeed.changed(classId),
    now,
    silenceMs: limits.protectionSilenceMs,
    log,
  });
  protection
    .resume()
    .catch((error: unknown) => log('Open protection alerts could not be read', error));
  return {
    db: options.db,
    now,
    limits,
    passwordParams: options.passwordParams ?? DEFAULT_SCRYPT,
    log,
    limiters: {
      loginPerUser: new RateLimiter(limits.loginFailuresPerUser, clock),
      loginPerAddress: new RateLimiter(limits.loginFailuresPerAddress, clock),
      device: new RateLimiter(limits.deviceRequests, clock),
      enrolPerAddress: new RateLimiter(limits.enrolmentsPerAddress, clock),
    },
    bus,
    presence,
    liveFeed,
    keepalive: new Keepalive(limits.keepaliveMs),
    socketStats: { ignoredMessages: 0, refusedHellos: 0, closedSilent: 0 },
    protection,
  };
}
