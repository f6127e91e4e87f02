// What a device reads on every reconnect: who its pupil is, their class and key stage, and the
// live lesson. A device whose email is on no roster gets the strictest key stage (fail closed).
import type { Snapshot } from '../../shared/hub-protocol';
import { STRICTEST_KEY_STAGE } from '../../shared/policy-model';
import type { DeviceIdentity } from './hub-env';

export type DeviceSnapshot = Snapshot;

export function deviceSnapshot(device: DeviceIdentity): DeviceSnapshot {
  const { pupil } = device;
  return {
    pupil: pupil && { name: pupil.name },
    classId: pupil?.classId ?? null,
    keyStage: pupil?.keyStage ?? STRICTEST_KEY_STAGE,
    lesson: null,
  };
}
