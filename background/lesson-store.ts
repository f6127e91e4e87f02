// The lesson this device is enforcing, kept in storage.local so it survives the worker
// stopping and the browser restarting. The policy-change alarm (policy-change-alarm.ts) at its
// end rebuilds the rules, so the lesson ends on the device itself even when the hub is out of
// reach.
import browser from 'webextension-polyfill';
import { lessonSchema, type Lesson } from '../shared/lesson';
import { runSerially } from './serial-queue';
import { LOCAL_KEYS } from './storage-keys';

export async function readLesson(): Promise<Lesson | null> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.lesson);
  const parsed = lessonSchema.safeParse(stored[LOCAL_KEYS.lesson]);
  return parsed.success ? parsed.data : null;
}

/**
 * Stores a lesson to enforce (or clears it with null); one that has already ended is not
 * stored. The storage change makes the worker rebuild the rules.
 */
export function storeLesson(lesson: Lesson | null): Promise<void> {
  return runSerially(async () => {
    if (!lesson || Date.parse(lesson.endsAt) <= Date.now()) {
      await browser.storage.local.remove(LOCAL_KEYS.lesson);
    } else {
      await browser.storage.local.set({ [LOCAL_KEYS.lesson]: lesson });
    }
  });
}
