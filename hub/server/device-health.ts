// The latest health report of each device (shared/device-health.ts), one row a device, replaced
// on each report; and a class's reports for its teacher. A report whose device id is not the
// enrolled device's is refused: the socket's token and the report must name the same device.
import type { DeviceHealth } from '../../shared/device-health';
import type { HubDb } from './database';

/** Stores the report; false when it names another device than the one it came from. */
export async function storeHealth(
  db: HubDb,
  device: number,
  health: DeviceHealth,
  receivedAt: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('devices')
    .select('device_id')
    .where('id', '=', device)
    .executeTakeFirst();
  if (row?.device_id !== health.deviceId) return false;
  const values = {
    received_at: receivedAt,
    policy_hash: health.policyHash,
    applied_at: health.appliedAt,
    key_stage: health.keyStage,
    key_stage_source: health.keyStageSource,
    lists: JSON.stringify(health.lists),
    rule_count: health.ruleCount,
    expected_rule_count: health.expectedRuleCount,
    incognito_allowed: health.incognitoAllowed ? 1 : 0,
    signed_in: health.signedIn ? 1 : 0,
    last_hub_contact: health.lastHubContact,
    last_error: health.lastError,
    unsafe: JSON.stringify(health.unsafe),
  };
  await db
    .insertInto('device_health')
    .values({ device_id: device, ...values })
    .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values))
    .execute();
  return true;
}

/** Each pupil of the class with their devices' latest reports, newest first. */
export async function classHealth(db: HubDb, classId: number) {
  const rows = await db
    .selectFrom('pupils')
    .innerJoin('devices', (join) =>
      join
        .onRef('devices.email', '=', 'pupils.email')
        .onRef('devices.school_id', '=', 'pupils.school_id'),
    )
    .innerJoin('device_health', 'device_health.device_id', 'devices.id')
    .select([
      'pupils.id as pupilId',
      'pupils.name as pupilName',
      'devices.device_id as deviceId',
      'device_health.received_at as receivedAt',
      'device_health.policy_hash as policyHash',
      'device_health.applied_at as appliedAt',
      'device_health.key_stage as keyStage',
      'device_health.key_stage_source as keyStageSource',
      'device_health.lists as lists',
      'device_health.rule_count as ruleCount',
      'device_health.expected_rule_count as expectedRuleCount',
      'device_health.incognito_allowed as incognitoAllowed',
      'device_health.signed_in as signedIn',
      'device_health.last_hub_contact as lastHubContact',
      'device_health.last_error as lastError',
      'device_health.unsafe as unsafe',
    ])
    .where('pupils.class_id', '=', classId)
    .orderBy('pupils.name')
    .orderBy('device_health.received_at', 'desc')
    .execute();
  return rows.map((row) => ({
    ...row,
    lists: JSON.parse(row.lists) as DeviceHealth['lists'],
    incognitoAllowed: row.incognitoAllowed === 1,
    signedIn: row.signedIn === 1,
    unsafe: JSON.parse(row.unsafe) as DeviceHealth['unsafe'],
  }));
}
