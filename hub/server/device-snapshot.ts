// What a device reads on every reconnect: who its pupil is, their class and key stage, and the
// class's running lesson. A device whose email is on no roster gets the strictest key stage
// (fail closed), and no lesson.
import type { Snapshot } from '../../shared/hub-protocol';
import { STRICTEST_KEY_STAGE } from '../../shared/policy-model';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { findRunningLesson } from './lessons';

export type DeviceSnapshot = Snapshot;

export async function deviceSnapshot(
  db: HubDb,
  device: DeviceIdentity,
  now: Date,
): Promise<DeviceSnapshot> {
  const { pupil } = device;
  return {
    pupil: pupil && { name: pupil.name },
    classId: pupil?.classId ?? null,
    keyStage: pupil?.keyStage ?? STRICTEST_KEY_STAGE,
    lesson: pupil ? await findRunningLesson(db, pupil.classId, now) : null,
  };
}
