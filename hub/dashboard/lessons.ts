// Starting and ending a class's lesson. What the hub answers (the lesson, or why not) is shown
// as it is; the live view is then read again so every part of the page agrees.
import type { InferRequestType } from 'hono/client';
import type { Lesson } from '../../shared/lesson';
import { hub, read } from './api';
import { patchLive, refreshLive } from './live-feed';

export type NewLesson = InferRequestType<
  (typeof hub.api.classes)[':id']['lessons']['$post']
>['json'];

export async function startLesson(classId: number, lesson: NewLesson): Promise<Lesson> {
  const param = { id: String(classId) };
  const answer = await read(hub.api.classes[':id'].lessons.$post({ param, json: lesson }));
  patchLive({ lesson: answer.lesson });
  await refreshLive();
  return answer.lesson;
}

export async function endLesson(classId: number, lessonId: string): Promise<void> {
  const param = { id: String(classId), lessonId };
  await read(hub.api.classes[':id'].lessons[':lessonId'].end.$post({ param }));
  patchLive({ lesson: null });
  await refreshLive();
}
