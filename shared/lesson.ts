// A lesson a teacher pushes to the class: its sites, its mode and when it ends. The device
// keeps the end time itself, so a lesson ends on time even if the device lost the hub
// (ARCHITECTURE: lessons must never "follow" pupils after class).
import { z } from 'zod';

export const lessonSchema = z.object({
  /** Made by the hub; confirmations from devices name it. */
  id: z.string().uuid(),
  name: z.string().trim().min(1).max(120),
  /** `focus`: only these sites for the lesson. `add`: the class list plus these sites. */
  mode: z.enum(['focus', 'add']),
  /** Canonical site text, checked by the hub with parseSiteEntry before it is sent. */
  sites: z.array(z.string().max(2048)).max(500),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  /** Who started it, as the teacher's display name. */
  teacher: z.string().max(120),
});
export type Lesson = z.infer<typeof lessonSchema>;

/** The lesson, if it is running at `now`; a lesson outside its times changes nothing. */
export function runningLesson(lesson: Lesson | null, now: Date): Lesson | null {
  if (!lesson) return null;
  const time = now.getTime();
  return Date.parse(lesson.startsAt) <= time && time < Date.parse(lesson.endsAt) ? lesson : null;
}
