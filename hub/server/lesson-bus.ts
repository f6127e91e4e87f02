// How a lesson starting or ending, and any other change to what a class's devices or teachers
// should see, reaches every socket of a class. Routes publish; each hub process subscribes once
// per class that has a connected device or a watching teacher, and delivers to its own sockets.
//
// One hub process serves a school, so the in-process bus below is all there is today. A trust
// runs several hub processes on PostgreSQL, where a device may be connected to one process and
// the teacher's request land on another. That deployment backs this same interface with
// PostgreSQL LISTEN/NOTIFY: `publish` runs `NOTIFY lesson_bus, '{classId, message}'` (after the
// change's transaction commits, so no process can read state older than the one announced);
// each process holds one connection that LISTENs on `lesson_bus` and calls its local
// subscribers, exactly as `createInProcessBus` does. A NOTIFY payload is limited to 8,000 bytes
// and a lesson of 200 long sites is larger, so that version sends `{classId, lessonId}` and
// subscribers read the lesson from the `lessons` table; the nudges (`refresh`, `requests`) are a
// few bytes and go as they are, as does `publishUnassigned`, which sends `{schoolId}`, and
// `publishSchool`, which sends `{schoolId, classIds}`. Nothing else changes: routes and sockets
// only ever see this interface. (Who is connected, device-presence.ts, is per process too; see
// the note there.)
import type { HubToDevice } from '../../shared/hub-protocol';

/** The lesson messages every device of the class receives as they are. */
export type LessonMessage = Extract<HubToDevice, { type: 'lesson.start' | 'lesson.end' }>;

/**
 * Nudges the hub sends itself, never passed on as they are. `refresh`: each device socket of the
 * class reads its own snapshot again and sends it (a grant, an answer or a school list change;
 * each device's snapshot differs, so there is no one message to fan out). `requests`: the
 * teachers watching the class are told its "ask to visit" requests changed. `pupilEvents`: they
 * are told new Zip It, Block It, copyright or download records arrived.
 */
export type ClassNudge = { type: 'refresh' } | { type: 'requests' } | { type: 'pupilEvents' };

/** What the bus carries to a class. */
export type ClassMessage = LessonMessage | ClassNudge;

export type ClassListener = (message: ClassMessage) => void;

/** What devices on no roster hear: they belong to no class, only to their school. */
export type UnassignedMessage = Extract<ClassNudge, { type: 'refresh' }>;

/**
 * What the school's teacher sockets that follow flags hear: a flag or keyword alert arrived, was
 * told more, or was handled. Their own channel, so a flag costs the lesson fan-out nothing.
 * `classIds`: whose teachers may see it, besides the DSL and the admin, who see everything (a
 * pupil on no roster, or a keyword alert, which only they see: none).
 */
export type SchoolMessage = { type: 'flags'; classIds: number[] };

export interface LessonBus {
  /** Delivers `message` to every subscriber of `classId`, in any process. */
  publish(classId: number, message: ClassMessage): void;
  /** Returns the function that unsubscribes. */
  subscribe(classId: number, listener: ClassListener): () => void;
  /** Delivers `message` to the school's connected devices whose email is on no roster. */
  publishUnassigned(schoolId: number, message: UnassignedMessage): void;
  subscribeUnassigned(schoolId: number, listener: (message: UnassignedMessage) => void): () => void;
  /** Delivers `message` to every subscriber of the school, in any process. */
  publishSchool(schoolId: number, message: SchoolMessage): void;
  subscribeSchool(schoolId: number, listener: (message: SchoolMessage) => void): () => void;
}

/** Listeners by key, for one kind of channel. */
function channels<M>(log: (message: string, error: unknown) => void, what: string) {
  const listeners = new Map<number, Set<(message: M) => void>>();
  return {
    publish(key: number, message: M) {
      // A copy: a listener may unsubscribe (a socket closing) while the message goes out.
      for (const listener of [...(listeners.get(key) ?? [])]) {
        try {
          listener(message);
        } catch (error) {
          // One broken subscriber must not stop the rest of the class hearing of the lesson.
          log(`Lesson bus delivery for ${what} ${key} failed`, error);
        }
      }
    },
    subscribe(key: number, listener: (message: M) => void) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
  };
}

export function createInProcessBus(log: (message: string, error: unknown) => void): LessonBus {
  const classes = channels<ClassMessage>(log, 'class');
  const unassigned = channels<UnassignedMessage>(log, 'the unassigned devices of school');
  const schools = channels<SchoolMessage>(log, 'school');
  return {
    publish: classes.publish,
    subscribe: classes.subscribe,
    publishUnassigned: unassigned.publish,
    subscribeUnassigned: unassigned.subscribe,
    publishSchool: schools.publish,
    subscribeSchool: schools.subscribe,
  };
}
