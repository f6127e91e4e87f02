// What the pupils' privacy page says depends on the school's choices: their key stage (as the
// rules enforce it, the hub's roster first), whether Flag It takes a picture of the screen,
// whether a hub takes the records, and how long this device keeps its copies.
import { DEFAULT_DEVICE_RECORD_DAYS } from '../shared/device-retention';
import type { MessageResponse } from '../shared/messages';
import { readManagedState } from './policy-store';
import { currentPolicy } from './rule-sync';

export async function privacyNotice(): Promise<MessageResponse<'pupil.privacyNotice'>> {
  const [{ policy }, { fields }] = await Promise.all([currentPolicy(), readManagedState()]);
  return {
    keyStage: policy.keyStage,
    // Off unless the school set it, the same test the flag store makes (flag/flag-screenshot.ts).
    screenshots: fields.flagScreenshots === true,
    hub: Boolean(fields.hubUrl),
    deviceRecordDays: fields.deviceRecordDays ?? DEFAULT_DEVICE_RECORD_DAYS,
  };
}
