// Enrolled pupil devices. A device is found by its bearer token's hash, and its pupil by the
// enrolled email on every request, so a roster change applies at the device's next request.
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { hashToken, newToken } from './tokens';

/** Devices joined to the roster pupil their email names, if the roster names one yet. */
const devicesWithPupils = (db: HubDb) =>
  db
    .selectFrom('devices')
    .leftJoin('pupils', (join) =>
      join
        .onRef('pupils.school_id', '=', 'devices.school_id')
        .onRef('pupils.email', '=', 'devices.email'),
    );

export async function findDeviceByToken(
  db: HubDb,
  token: string,
): Promise<DeviceIdentity | undefined> {
  const row = await devicesWithPupils(db)
    .leftJoin('classes', 'classes.id', 'pupils.class_id')
    .select([
      'devices.id',
      'devices.school_id',
      'pupils.id as pupil_id',
      'pupils.name as pupil_name',
      'classes.id as class_id',
      'classes.key_stage',
    ])
    .where('devices.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const { pupil_id, pupil_name, class_id, key_stage } = row;
  const pupil =
    pupil_id !== null && pupil_name !== null && class_id !== null && key_stage !== null
      ? { id: pupil_id, name: pupil_name, classId: class_id, keyStage: key_stage }
      : null;
  return { id: row.id, schoolId: row.school_id, pupil };
}

/**
 * Enrols (device, email) and returns its new token. Enrolling again replaces the token, so a
 * reinstalled extension gets a working one and the old one stops working.
 */
export async function enrolDevice(
  db: HubDb,
  input: { schoolId: number; deviceId: string; email: string; now: Date },
): Promise<string> {
  const token = newToken();
  const tokenHash = hashToken(token);
  await db
    .insertInto('devices')
    .values({
      school_id: input.schoolId,
      device_id: input.deviceId,
      email: input.email,
      token_hash: tokenHash,
      enrolled_at: input.now.toISOString(),
    })
    .onConflict((conflict) =>
      conflict.columns(['school_id', 'device_id', 'email']).doUpdateSet({
        token_hash: tokenHash,
        enrolled_at: input.now.toISOString(),
      }),
    )
    .execute();
  return token;
}

/** Devices whose email is on no roster yet: the admin adds the pupil or finds the mistake. */
export async function listUnassignedDevices(db: HubDb, schoolId: number) {
  const rows = await devicesWithPupils(db)
    .select(['devices.id', 'devices.device_id', 'devices.email', 'devices.enrolled_at'])
    .where('devices.school_id', '=', schoolId)
    .where('pupils.id', 'is', null)
    .orderBy('devices.enrolled_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    deviceId: row.device_id,
    email: row.email,
    enrolledAt: row.enrolled_at,
  }));
}
