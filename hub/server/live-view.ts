// A class as its teacher watches it: the running lesson and each pupil's device status. The same
// body answers GET /api/classes/:id/live and every `live` message on the teacher socket.
import { listPupils } from './classes';
import type { HubDb } from './database';
import type { DevicePresence } from './device-presence';
import type { HubLimits } from './limits';
import { findRunningLesson } from './lessons';
import { openAlertKinds } from './protection-alerts';
import { protectionOf } from './protection-state';
import type { LiveView } from '../../shared/teacher-socket-protocol';

export async function buildLiveView(
  services: {
    db: HubDb;
    presence: DevicePresence;
    now: () => Date;
    limits: Pick<HubLimits, 'protectionSilenceMs'>;
  },
  classId: number,
): Promise<LiveView> {
  const { db, presence } = services;
  const now = services.now();
  const [lesson, pupils, openAlerts] = await Promise.all([
    findRunningLesson(db, classId, now),
    listPupils(db, classId),
    openAlertKinds(db, classId),
  ]);
  const runningId = lesson?.id ?? null;
  return {
    lesson,
    pupils: pupils.map((pupil) => ({
      id: pupil.id,
      name: pupil.name,
      email: pupil.email,
      ...presence.presenceOf(pupil.id, runningId),
      // Judged for a lesson's pupils only: outside one, nobody is expected to be online.
      protection: lesson
        ? protectionOf(presence.protectionSignals(pupil.id), {
            lesson,
            openAlert: openAlerts.get(pupil.id) ?? null,
            now,
            silenceMs: services.limits.protectionSilenceMs,
          })
        : null,
    })),
  };
}
