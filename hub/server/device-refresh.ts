// Telling connected devices that their snapshot changed, after the change has committed. Each
// device socket reads its own snapshot again (routes/device-socket.ts), since grants and answers
// differ from pupil to pupil. Only the classes concerned are told: a class is a few dozen reads.
import { STRICTEST_KEY_STAGE, type KeyStage } from '../../shared/policy-model';
import type { HubDb } from './database';
import type { LessonBus } from './lesson-bus';

export function refreshDevices(
  bus: LessonBus,
  target: { classIds: Iterable<number>; unassignedOf: number | null },
): void {
  for (const classId of new Set(target.classIds)) bus.publish(classId, { type: 'refresh' });
  if (target.unassignedOf !== null) {
    bus.publishUnassigned(target.unassignedOf, { type: 'refresh' });
  }
}

/**
 * A change to the school's list for `keyStage`: every class on that key stage, and the devices
 * on no roster when it is the key stage they get (the strictest).
 */
export async function refreshKeyStage(
  services: { db: HubDb; bus: LessonBus },
  schoolId: number,
  keyStage: KeyStage,
): Promise<void> {
  const classes = await services.db
    .selectFrom('classes')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('key_stage', '=', keyStage)
    .execute();
  refreshDevices(services.bus, {
    classIds: classes.map((row) => row.id),
    unassignedOf: keyStage === STRICTEST_KEY_STAGE ? schoolId : null,
  });
}

/** A change every device of the school reads (the keyword list): every class, and no roster. */
export async function refreshSchool(
  services: { db: HubDb; bus: LessonBus },
  schoolId: number,
): Promise<void> {
  const classes = await services.db
    .selectFrom('classes')
    .select('id')
    .where('school_id', '=', schoolId)
    .execute();
  refreshDevices(services.bus, { classIds: classes.map((row) => row.id), unassignedOf: schoolId });
}
