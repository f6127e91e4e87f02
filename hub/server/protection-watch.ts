// Opens and closes protection alerts as the hub hears (or stops hearing) pupils' devices, and
// tells the DSL and the class's teachers at once. A device that reports itself unsafe during a
// lesson opens an 'unsafe' alert; a device heard during a lesson that goes silent opens an 'off'
// alert once the silence period has passed with no device of the pupil back. An alert closes
// when a device of the pupil reports itself safe again, or when the lesson ends (early, by its
// clock, or before a hub restart). Timers live here, in the hub process that holds the sockets;
// the alerts themselves are in the database, so a restart loses none.
import type { HubDb } from './database';
import type { DeviceLink, DevicePresence, PresenceEvent } from './device-presence';
import type { LessonBus } from './lesson-bus';
import { findRunningLesson } from './lessons';
import {
  closeLessonAlerts,
  closePupilAlerts,
  openAlert,
  openAlertLessons,
  type NewAlert,
} from './protection-alerts';
import { silenceEndsAt } from './protection-state';

/** Timers fire a moment after the instant they wait for, so the clock has passed it. */
const SLACK_MS = 50;

export interface ProtectionWatchDeps {
  db: HubDb;
  presence: DevicePresence;
  bus: LessonBus;
  /** A class's live view changed (live-feed.ts). */
  changed(classId: number): void;
  now(): Date;
  silenceMs: number;
  log(message: string, error: unknown): void;
}

export class ProtectionWatch {
  /** Per pupil: the check at the end of their silence period. */
  private readonly silences = new Map<number, ReturnType<typeof setTimeout>>();
  /** Per lesson with an open alert: its end timer and its bus subscription. */
  private readonly lessons = new Map<string, { stop(): void }>();

  constructor(private readonly deps: ProtectionWatchDeps) {
    deps.presence.onChange((event) => this.heard(event));
  }

  /** Closes alerts of lessons that ended while no hub ran, and follows the rest to their end. */
  async resume(): Promise<void> {
    const now = this.deps.now();
    for (const row of await openAlertLessons(this.deps.db)) {
      if (row.lessonId === null) continue;
      const end = row.endedAt ?? row.endsAt;
      if (end === null || Date.parse(end) <= now.getTime()) {
        await this.closeLesson(row.lessonId, end ?? now.toISOString());
      } else if (row.classId !== null) {
        this.followLesson(row.lessonId, row.classId, end);
      }
    }
  }

  private heard(event: PresenceEvent): void {
    const { link } = event;
    const work =
      event.kind === 'health'
        ? this.healthHeard(link)
        : event.kind === 'connect'
          ? Promise.resolve(this.clearSilence(link.pupilId))
          : event.kind === 'disconnect'
            ? Promise.resolve(this.startSilence(link))
            : Promise.resolve();
    work.catch((error: unknown) =>
      this.deps.log(`Protection of pupil ${link.pupilId} could not be checked`, error),
    );
  }

  private async healthHeard(link: DeviceLink): Promise<void> {
    const health = this.deps.presence.protectionSignals(link.pupilId).health;
    if (!health) return;
    const at = this.deps.now().toISOString();
    if (health.unsafe.length === 0) {
      const closed = await closePupilAlerts(this.deps.db, link.pupilId, at);
      this.announce(closed);
      return;
    }
    const lesson = await findRunningLesson(this.deps.db, link.classId, this.deps.now());
    if (!lesson) return;
    await this.open({
      deviceId: link.deviceId,
      pupilId: link.pupilId,
      classId: link.classId,
      lessonId: lesson.id,
      kind: 'unsafe',
      detail: `The device reported that it is not enforcing the school's policy (${health.unsafe.join(', ')}).`,
      at,
    });
  }

  private clearSilence(pupilId: number): void {
    clearTimeout(this.silences.get(pupilId));
    this.silences.delete(pupilId);
  }

  private startSilence(link: DeviceLink): void {
    const ends = silenceEndsAt(
      this.deps.presence.protectionSignals(link.pupilId),
      this.deps.silenceMs,
    );
    if (ends === null) return;
    this.clearSilence(link.pupilId);
    const wait = Math.max(0, ends - this.deps.now().getTime()) + SLACK_MS;
    const timer = setTimeout(() => {
      this.silences.delete(link.pupilId);
      this.silenceEnded(link).catch((error: unknown) =>
        this.deps.log(`Protection of pupil ${link.pupilId} could not be checked`, error),
      );
    }, wait);
    timer.unref();
    this.silences.set(link.pupilId, timer);
  }

  private async silenceEnded(link: DeviceLink): Promise<void> {
    const signals = this.deps.presence.protectionSignals(link.pupilId);
    if (signals.connected || signals.lastSeen === null) return;
    const lesson = await findRunningLesson(this.deps.db, link.classId, this.deps.now());
    // The teacher's badge turns to "Protection off" now, alert or not.
    this.deps.changed(link.classId);
    if (!lesson || signals.lastSeen < lesson.startsAt) return;
    await this.open({
      deviceId: link.deviceId,
      pupilId: link.pupilId,
      classId: link.classId,
      lessonId: lesson.id,
      kind: 'off',
      detail: `Nothing heard from the pupil's device since ${signals.lastSeen}: it was closed, switched off, lost its connection or the extension was stopped.`,
      at: this.deps.now().toISOString(),
    });
    this.followLesson(lesson.id, link.classId, lesson.endsAt);
  }

  private async open(alert: NewAlert): Promise<void> {
    const schoolId = await openAlert(this.deps.db, alert);
    if (schoolId === null) return;
    this.announce([{ school_id: schoolId, class_id: alert.classId }]);
    this.followLesson(alert.lessonId, alert.classId, null);
  }

  /** Closes the lesson's alerts when it ends early (the bus says so) or at its end time. */
  private followLesson(lessonId: string, classId: number, endsAt: string | null): void {
    if (this.lessons.has(lessonId)) return;
    const close = (at: string) => {
      this.lessons.get(lessonId)?.stop();
      this.closeLesson(lessonId, at).catch((error: unknown) =>
        this.deps.log(`Alerts of lesson ${lessonId} could not be closed`, error),
      );
    };
    const unsubscribe = this.deps.bus.subscribe(classId, (message) => {
      if (message.type === 'lesson.end' && message.lessonId === lessonId) {
        close(this.deps.now().toISOString());
      }
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
      this.lessons.delete(lessonId);
    };
    this.lessons.set(lessonId, { stop });
    const lookUp = endsAt
      ? Promise.resolve(endsAt)
      : findRunningLesson(this.deps.db, classId, this.deps.now()).then((lesson) =>
          lesson?.id === lessonId ? lesson.endsAt : this.deps.now().toISOString(),
        );
    lookUp
      .then((end) => {
        if (!this.lessons.has(lessonId)) return;
        const wait = Math.max(0, Date.parse(end) - this.deps.now().getTime()) + SLACK_MS;
        timer = setTimeout(() => close(end), wait);
        timer.unref();
      })
      .catch((error: unknown) => this.deps.log(`Lesson ${lessonId} could not be read`, error));
  }

  private async closeLesson(lessonId: string, at: string): Promise<void> {
    this.announce(await closeLessonAlerts(this.deps.db, lessonId, at));
  }

  /** The DSL's flags watch and the class's teachers hear that alerts opened or closed. */
  private announce(rows: readonly { school_id: number; class_id: number | null }[]): void {
    for (const schoolId of new Set(rows.map((row) => row.school_id))) {
      // Empty classIds: only the DSL and the admin hear of it (lesson-bus.ts SchoolMessage).
      this.deps.bus.publishSchool(schoolId, { type: 'flags', classIds: [] });
    }
    for (const classId of new Set(
      rows.flatMap((row) => (row.class_id === null ? [] : [row.class_id])),
    )) {
      this.deps.changed(classId);
    }
  }

  /** Stops every timer (the hub is stopping, or a test ends). */
  stop(): void {
    for (const timer of this.silences.values()) clearTimeout(timer);
    this.silences.clear();
    for (const lesson of [...this.lessons.values()]) lesson.stop();
  }
}
