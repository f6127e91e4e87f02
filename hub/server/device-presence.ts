// Which pupils' devices are connected to this hub process, and what each last told it: the
// lesson it confirmed enforcing and the domain it is on. It also hands each class's lesson
// messages from the bus to that class's sockets, serialised once for the whole class, and asks
// each of them to send its own snapshot again on a `refresh`.
//
// Held in memory: a connection only exists in the process that holds its socket. A trust
// running several hub processes would share presence too (each process writing its devices'
// changes to a table or a NOTIFY channel) so any process can answer a teacher's live view; that
// comes with the PostgreSQL work, alongside lesson-bus.ts.
import type { ClassMessage, LessonBus } from './lesson-bus';
import type { ProtectionSignals, ReportedHealth } from './protection-state';

export type PupilStatus = 'enforcing' | 'pending' | 'offline';

/** One open device socket that said a good hello and whose pupil is on a class roster. */
export interface DeviceLink {
  readonly deviceId: number;
  readonly pupilId: number;
  /** The pupil's class when the device said hello; a roster move applies at its next hello. */
  readonly classId: number;
  /** What the device last said it enforces (null: no lesson); undefined until it says. */
  confirmed: { lessonId: string | null } | undefined;
  /** The domain the pupil is on, as the device last reported it. */
  domain: string | null;
  /** When the hub last heard from the device, by the hub's clock (ISO 8601). */
  lastSeen: string;
  /** The device's latest health report on this socket; undefined until it sends one. */
  health: ReportedHealth | undefined;
  /** Sends already-serialised text to the device. */
  deliver(text: string): void;
  /** Reads the device's snapshot again and sends it (its grants, answers or school list changed). */
  refresh(): void;
}

export type PresenceEvent =
  | { kind: 'connect' | 'disconnect' | 'site' | 'health'; link: DeviceLink }
  | { kind: 'enforcing'; link: DeviceLink; lessonId: string | null };

export interface PupilPresence {
  status: PupilStatus;
  domain: string | null;
  lastSeen: string | null;
}

export class DevicePresence {
  private readonly classes = new Map<number, { links: Set<DeviceLink>; unsubscribe(): void }>();
  private readonly byPupil = new Map<number, Set<DeviceLink>>();
  /** Kept after a pupil's last device disconnects, so the teacher sees when they were last on. */
  private readonly lastSeenByPupil = new Map<number, string>();
  /** Likewise the last health report of a pupil's last device, for the silence grace period. */
  private readonly lastHealthByPupil = new Map<number, ReportedHealth>();
  private readonly listeners = new Set<(event: PresenceEvent) => void>();

  constructor(
    private readonly bus: LessonBus,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  get connections(): number {
    let count = 0;
    for (const links of this.byPupil.values()) count += links.size;
    return count;
  }

  onChange(listener: (event: PresenceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  join(link: DeviceLink): void {
    let entry = this.classes.get(link.classId);
    if (!entry) {
      const links = new Set<DeviceLink>();
      const unsubscribe = this.bus.subscribe(link.classId, (message) =>
        this.fanOut(links, message),
      );
      entry = { links, unsubscribe };
      this.classes.set(link.classId, entry);
    }
    entry.links.add(link);
    const pupilLinks = this.byPupil.get(link.pupilId) ?? new Set();
    this.byPupil.set(link.pupilId, pupilLinks);
    pupilLinks.add(link);
    this.emit({ kind: 'connect', link });
  }

  leave(link: DeviceLink): void {
    const entry = this.classes.get(link.classId);
    if (!entry?.links.delete(link)) return;
    if (entry.links.size === 0) {
      entry.unsubscribe();
      this.classes.delete(link.classId);
    }
    const pupilLinks = this.byPupil.get(link.pupilId);
    pupilLinks?.delete(link);
    if (pupilLinks?.size === 0) this.byPupil.delete(link.pupilId);
    const previous = this.lastSeenByPupil.get(link.pupilId);
    if (!previous || previous < link.lastSeen)
      this.lastSeenByPupil.set(link.pupilId, link.lastSeen);
    if (link.health) this.lastHealthByPupil.set(link.pupilId, link.health);
    this.emit({ kind: 'disconnect', link });
  }

  confirm(link: DeviceLink, lessonId: string | null): void {
    link.confirmed = { lessonId };
    this.emit({ kind: 'enforcing', link, lessonId });
  }

  report(link: DeviceLink, health: ReportedHealth): void {
    link.health = health;
    this.emit({ kind: 'health', link });
  }

  /**
   * What the hub knows of a pupil's protection: whether a device is connected, when one was last
   * heard, and the health that counts (an unsafe report of any connected device over a safe one;
   * with none connected, the last device's last report).
   */
  protectionSignals(pupilId: number): ProtectionSignals {
    const links = [...(this.byPupil.get(pupilId) ?? [])];
    if (links.length === 0) {
      return {
        connected: false,
        lastSeen: this.lastSeenByPupil.get(pupilId) ?? null,
        health: this.lastHealthByPupil.get(pupilId) ?? null,
      };
    }
    const reports = links.flatMap((link) => (link.health ? [link.health] : []));
    return {
      connected: true,
      lastSeen: links.map((link) => link.lastSeen).reduce((a, b) => (a > b ? a : b)),
      health: reports.find((report) => report.unsafe.length > 0) ?? reports[0] ?? null,
    };
  }

  /** Whether any device of the pupil has an open socket. */
  isConnected(pupilId: number): boolean {
    return (this.byPupil.get(pupilId)?.size ?? 0) > 0;
  }

  visit(link: DeviceLink, domain: string | null): void {
    if (link.domain === domain) return;
    link.domain = domain;
    this.emit({ kind: 'site', link });
  }

  /**
   * Each pupil's status while `runningLessonId` runs (null: no lesson). A pupil with several
   * devices gets the best status of them, and the domain of the one heard from last.
   */
  presenceOf(pupilId: number, runningLessonId: string | null): PupilPresence {
    const links = this.byPupil.get(pupilId);
    if (!links || links.size === 0) {
      return {
        status: 'offline',
        domain: null,
        lastSeen: this.lastSeenByPupil.get(pupilId) ?? null,
      };
    }
    let enforcing = false;
    let latest: DeviceLink | undefined;
    for (const link of links) {
      // A device that hasn't confirmed anything yet is pending, lesson or none.
      if (link.confirmed !== undefined && link.confirmed.lessonId === runningLessonId) {
        enforcing = true;
      }
      if (!latest || latest.lastSeen < link.lastSeen) latest = link;
    }
    return {
      status: enforcing ? 'enforcing' : 'pending',
      domain: latest?.domain ?? null,
      lastSeen: latest?.lastSeen ?? null,
    };
  }

  private fanOut(links: ReadonlySet<DeviceLink>, message: ClassMessage): void {
    // For the class's teachers only (live-feed.ts).
    if (message.type === 'requests' || message.type === 'pupilEvents') return;
    const text = message.type === 'refresh' ? undefined : JSON.stringify(message);
    for (const link of links) {
      try {
        if (text === undefined) link.refresh();
        else link.deliver(text);
      } catch (error) {
        this.log(`Delivering ${message.type} to device ${link.deviceId} failed`, error);
      }
    }
  }

  private emit(event: PresenceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(`A presence listener failed on ${event.kind}`, error);
      }
    }
  }
}
