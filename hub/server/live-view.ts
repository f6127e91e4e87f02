// A class as its teacher watches it: the running lesson and each pupil's device status. The same
// body answers GET /api/classes/:id/live and every `live` message on the teacher socket.
import { listPupils } from './classes';
import type { HubDb } from './database';
import type { DevicePresence } from './device-presence';
import { findRunningLesson } from './lessons';
import type { LiveView } from '../../shared/teacher-socket-protocol';

export async function buildLiveView(
  services: { db: HubDb; presence: DevicePresence; now: () => Date },
  classId: number,
): Promise<LiveView> {
  const { db, presence } = services;
  const [lesson, pupils] = await Promise.all([
    findRunningLesson(db, classId, services.now()),
    listPupils(db, classId),
  ]);
  const runningId = lesson?.id ?? null;
  return {
    lesson,
    pupils: pupils.map((pupil) => ({
      id: pupil.id,
      name: pupil.name,
      email: pupil.email,
      ...presence.presenceOf(pupil.id, runningId),
    })),
  };
}
