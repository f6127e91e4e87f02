// Pushes a class's live view to the teachers watching it whenever something changes: a device
// connects, disconnects, confirms or reports a site, or a lesson starts, ends or runs out.
// Changes are coalesced per class to at most one update every `minGapMs`, so 30 (or 1,000)
// devices confirming a lesson at once cost a few view builds, not one each; the last change is
// always sent. Each update is built once per class and sent to every watcher as the same text.
// It also passes on the `requests` nudge when one of the class's requests is stored or answered,
// and the `pupilEvents` nudge when Zip It, Block It, copyright or download records arrive.
import type { ClassMessage, LessonBus } from './lesson-bus';
import type { LiveView } from '../../shared/teacher-socket-protocol';

export type LiveSink = (text: string) => void;

interface ClassFeed {
  classId: number;
  watchers: Set<LiveSink>;
  unsubscribe(): void;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes the view when the running lesson reaches its end time. */
  expiryTimer: ReturnType<typeof setTimeout> | undefined;
  building: boolean;
  dirty: boolean;
  lastSentAt: number;
}

export const liveMessage = (classId: number, live: LiveView): string =>
  JSON.stringify({ type: 'live', classId, live });

export const requestsMessage = (classId: number): string =>
  JSON.stringify({ type: 'requests', classId });

export const pupilEventsMessage = (classId: number): string =>
  JSON.stringify({ type: 'pupilEvents', classId });

export class LiveFeed {
  private readonly feeds = new Map<number, ClassFeed>();

  constructor(
    private readonly deps: {
      build(classId: number): Promise<LiveView>;
      bus: LessonBus;
      minGapMs: number;
      /** The hub's clock, which lesson times are on. */
      now(): Date;
      log(message: string, error: unknown): void;
    },
  ) {}

  /** Sends `sink` the class's view now and on every change until the returned stop is called. */
  async watch(classId: number, sink: LiveSink): Promise<() => void> {
    let feed = this.feeds.get(classId);
    if (!feed) {
      const created: ClassFeed = {
        classId,
        watchers: new Set(),
        // Lessons can start and end in another hub process (lesson-bus.ts), so the bus, not the
        // route, is what says a lesson changed.
        unsubscribe: this.deps.bus.subscribe(classId, (message) => this.heard(classId, message)),
        timer: undefined,
        expiryTimer: undefined,
        building: false,
        dirty: false,
        lastSentAt: 0,
      };
      this.feeds.set(classId, created);
      feed = created;
    }
    feed.watchers.add(sink);
    const stop = () => this.stop(classId, sink);
    let live: LiveView;
    try {
      live = await this.deps.build(classId);
    } catch (error) {
      stop();
      throw error;
    }
    if (feed.watchers.has(sink)) {
      this.noteExpiry(feed, live);
      sink(liveMessage(classId, live));
    }
    return stop;
  }

  /** Something about the class changed; its watchers hear of it within `minGapMs`. */
  changed(classId: number): void {
    const feed = this.feeds.get(classId);
    if (!feed) return;
    feed.dirty = true;
    this.schedule(feed);
  }

  private heard(classId: number, message: ClassMessage): void {
    switch (message.type) {
      case 'requests':
      case 'pupilEvents': {
        // Not throttled: a few bytes, and the teacher reads the list once however many arrive.
        const text =
          message.type === 'requests' ? requestsMessage(classId) : pupilEventsMessage(classId);
        for (const sink of this.feeds.get(classId)?.watchers ?? []) sink(text);
        return;
      }
      case 'refresh':
        // Grants, answers and school lists are not in the live view.
        return;
      case 'lesson.start':
      case 'lesson.end':
        this.changed(classId);
        return;
    }
  }

  private stop(classId: number, sink: LiveSink): void {
    const feed = this.feeds.get(classId);
    if (!feed?.watchers.delete(sink) || feed.watchers.size > 0) return;
    feed.unsubscribe();
    clearTimeout(feed.timer);
    clearTimeout(feed.expiryTimer);
    this.feeds.delete(classId);
  }

  private schedule(feed: ClassFeed): void {
    if (feed.timer || feed.building) return;
    const wait = Math.max(0, feed.lastSentAt + this.deps.minGapMs - performance.now());
    feed.timer = setTimeout(() => void this.flush(feed), wait);
  }

  private async flush(feed: ClassFeed): Promise<void> {
    feed.timer = undefined;
    feed.dirty = false;
    feed.building = true;
    try {
      const live = await this.deps.build(feed.classId);
      const text = liveMessage(feed.classId, live);
      for (const sink of feed.watchers) sink(text);
      this.noteExpiry(feed, live);
    } catch (error) {
      this.deps.log(`The live view of class ${feed.classId} could not be built`, error);
    } finally {
      feed.building = false;
      feed.lastSentAt = performance.now();
      // A change that arrived while building is sent next, never lost.
      if (feed.dirty && this.feeds.get(feed.classId) === feed) this.schedule(feed);
    }
  }

  /** A lesson ends by its clock with no message from anyone, so the feed sets its own alarm. */
  private noteExpiry(feed: ClassFeed, live: LiveView): void {
    clearTimeout(feed.expiryTimer);
    feed.expiryTimer = undefined;
    if (!live.lesson) return;
    const ms = Date.parse(live.lesson.endsAt) - this.deps.now().getTime();
    feed.expiryTimer = setTimeout(() => this.changed(feed.classId), Math.max(0, ms) + 50);
    feed.expiryTimer.unref();
  }
}
