// What a device reads on every reconnect, and again whenever any of it changes: who its pupil
// is, their class and key stage, the class's running lesson, the grants in force for the pupil,
// the school's own additions to their key stage's list, the answers to this device's requests,
// and the school's keyword list. A device whose email is on no roster gets the strictest key stage (fail closed), no
// lesson and no class grants.
import type { Snapshot } from '../../shared/hub-protocol';
import { STRICTEST_KEY_STAGE } from '../../shared/policy-model';
import type { HubDb } from './database';
import { grantsInForce } from './grants';
import type { DeviceIdentity } from './hub-env';
import { keywordsFor } from './keywords';
import { findRunningLesson } from './lessons';
import { schoolSitesFor } from './school-sites';
import { recentAnswers } from './visit-answers';

export type DeviceSnapshot = Snapshot;

export async function deviceSnapshot(
  db: HubDb,
  device: DeviceIdentity,
  now: Date,
): Promise<DeviceSnapshot> {
  const { pupil } = device;
  const keyStage = pupil?.keyStage ?? STRICTEST_KEY_STAGE;
  const [lesson, grants, schoolSites, answers, keywords] = await Promise.all([
    pupil ? findRunningLesson(db, pupil.classId, now) : null,
    grantsInForce(db, device, now),
    schoolSitesFor(db, device.schoolId, keyStage),
    recentAnswers(db, device.id, now),
    keywordsFor(db, device.schoolId),
  ]);
  return {
    pupil: pupil && { name: pupil.name },
    classId: pupil?.classId ?? null,
    keyStage,
    lesson,
    grants,
    schoolSites,
    answers,
    keywords,
  };
}
