// Deletes the device's copies of pupils' records once they have done their job. The device is
// a waiting room on the way to the classroom hub, not the school's record (the hub keeps that,
// with its own retention), so a copy the hub confirmed is deleted after `deviceRecordDays`.
// Nothing a pupil reports is lost: while the school names a hub, a record the hub hasn't
// confirmed is kept however old it is. With no hub named a record has nowhere to go, and is
// deleted that many days after it was made.
import browser from 'webextension-polyfill';
import { deviceRecordCutoff } from '../../shared/device-retention';
import { database } from '../database';
import { readStoredManagedState } from '../policy-store';
import { DEVICE_RECORD_TABLES, type DeviceRecordTable } from './device-record-tables';

export const DEVICE_RETENTION_ALARM = 'device-retention';

/** Hourly, and a minute after each start, since Chrome may drop alarms when it restarts. */
export async function scheduleDeviceRetention(): Promise<void> {
  await browser.alarms.create(DEVICE_RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
}

/** The index a table is swept by: the hub's confirmation while a hub is named. */
function sweepIndex(entry: DeviceRecordTable, hubNamed: boolean): string {
  return hubNamed && entry.sentIndex ? entry.sentIndex : entry.madeIndex;
}

/** Deletes what is old enough and returns how many records each table lost. */
export async function sweepDeviceRecords(now = new Date()): Promise<Record<string, number>> {
  const managed = await readStoredManagedState();
  // Unknown policy (never stored, or unreadable): whether a hub is named can't be told, and
  // guessing "no hub" could delete a flag the hub never got. Try again at the next sweep.
  if (!managed) return {};
  const { hubUrl, deviceRecordDays } = managed.fields;
  const deleted: Record<string, number> = {};
  for (const entry of DEVICE_RECORD_TABLES) {
    const cutoff = deviceRecordCutoff(now, entry.fixedDays ?? deviceRecordDays);
    deleted[entry.table] = await database
      .table(entry.table)
      .where(sweepIndex(entry, Boolean(hubUrl)))
      .below(cutoff)
      .delete();
  }
  return deleted;
}
