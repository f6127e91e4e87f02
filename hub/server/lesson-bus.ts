// How a lesson starting or ending reaches every socket of a class. Routes publish; each hub
// process subscribes once per class that has a connected device or a watching teacher, and
// delivers to its own sockets.
//
// One hub process serves a school, so the in-process bus below is all there is today. A trust
// runs several hub processes on PostgreSQL, where a device may be connected to one process and
// the teacher's request land on another. That deployment backs this same interface with
// PostgreSQL LISTEN/NOTIFY: `publish` runs `NOTIFY lesson_bus, '{classId, message}'` (after the
// lesson's transaction commits, so no process can read a lesson older than the one announced);
// each process holds one connection that LISTENs on `lesson_bus` and calls its local
// subscribers, exactly as `createInProcessBus` does. A NOTIFY payload is limited to 8,000 bytes
// and a lesson of 200 long sites is larger, so that version sends `{classId, lessonId}` and
// subscribers read the lesson from the `lessons` table. Nothing else changes: routes and
// sockets only ever see this interface. (Who is connected, device-presence.ts, is per process
// too; see the note there.)
import type { HubToDevice } from '../../shared/hub-protocol';

/** What the bus carries to a class: the device messages every device of the class receives. */
export type ClassMessage = Extract<HubToDevice, { type: 'lesson.start' | 'lesson.end' }>;

export type ClassListener = (message: ClassMessage) => void;

export interface LessonBus {
  /** Delivers `message` to every subscriber of `classId`, in any process. */
  publish(classId: number, message: ClassMessage): void;
  /** Returns the function that unsubscribes. */
  subscribe(classId: number, listener: ClassListener): () => void;
}

export function createInProcessBus(log: (message: string, error: unknown) => void): LessonBus {
  const listeners = new Map<number, Set<ClassListener>>();
  return {
    publish(classId, message) {
      // A copy: a listener may unsubscribe (a socket closing) while the message goes out.
      for (const listener of [...(listeners.get(classId) ?? [])]) {
        try {
          listener(message);
        } catch (error) {
          // One broken subscriber must not stop the rest of the class hearing of the lesson.
          log(`Lesson bus delivery for class ${classId} failed`, error);
        }
      }
    },
    subscribe(classId, listener) {
      const set = listeners.get(classId) ?? new Set();
      listeners.set(classId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(classId) === set) listeners.delete(classId);
      };
    },
  };
}
