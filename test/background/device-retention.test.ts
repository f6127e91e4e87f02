import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import { database } from '../../background/database';
import { refreshManagedState } from '../../background/policy-store';
import { DEVICE_RECORD_TABLES } from '../../background/retention/device-record-tables';
import {
  DEVICE_RETENTION_ALARM,
  scheduleDeviceRetention,
  sweepDeviceRecords,
} from '../../background/retention/device-retention';
import { LOCAL_KEYS } from '../../background/storage-keys';

const NOW = new Date('2026-03-20T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** One record per table, made and (for uploaded kinds) confirmed when the test says. */
async function put(id: string, made: number, sent: number | null): Promise<void> {
  for (const { table, sentIndex, madeIndex } of DEVICE_RECORD_TABLES) {
    const record: Record<string, string> = { id, [madeIndex]: daysAgo(made) };
    if (sentIndex && sent !== null) record[sentIndex] = daysAgo(sent);
    await database.table(table).put(record);
  }
}

/** The ids left in each table. */
async function left(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const { table } of DEVICE_RECORD_TABLES) {
    const rows: { id: string }[] = await database.table(table).toArray();
    result[table] = rows.map((row) => row.id).sort();
  }
  return result;
}

const everyTable = (ids: string[]) =>
  Object.fromEntries(DEVICE_RECORD_TABLES.map(({ table }) => [table, ids]));

async function givePolicy(policy: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.managed.set(policy);
  await refreshManagedState();
}

beforeEach(async () => {
  installFakeExtension();
  await Promise.all(DEVICE_RECORD_TABLES.map(({ table }) => database.table(table).clear()));
});

describe('the tables the sweep knows', () => {
  it('lists every table in the database, so no new table of records is kept for ever', () => {
    const listed = DEVICE_RECORD_TABLES.map(({ table }) => table).sort();
    expect(database.tables.map((table) => table.name).sort()).toEqual(listed);
  });

  it('sweeps each by indexes the table really has (an unindexed field would throw)', () => {
    for (const { table, sentIndex, madeIndex } of DEVICE_RECORD_TABLES) {
      const indexes = database.table(table).schema.idxByName;
      expect(indexes[madeIndex], `${table}.${madeIndex}`).toBeDefined();
      if (sentIndex) expect(indexes[sentIndex], `${table}.${sentIndex}`).toBeDefined();
    }
  });
});

describe('sweepDeviceRecords with a hub named', () => {
  beforeEach(() =>
    givePolicy({ hubUrl: 'https://hub.school.example', enrolmentToken: 'token-123' }),
  );

  it('deletes what the hub confirmed over 7 days ago, and never what it has not confirmed', async () => {
    await put('confirmed-8-days-ago', 9, 8);
    await put('confirmed-6-days-ago', 30, 6);
    await put('waiting-for-60-days', 60, null);
    await sweepDeviceRecords(NOW);
    expect(await left()).toEqual({
      ...everyTable(['confirmed-6-days-ago', 'waiting-for-60-days']),
      // Lifts never go to the hub and are kept a year from when they were made.
      audit: ['confirmed-6-days-ago', 'confirmed-8-days-ago', 'waiting-for-60-days'],
    });
  });

  it('keeps the record of image-search lifts (never uploaded) a year, whatever deviceRecordDays says', async () => {
    await put('made-364-days-ago', 364, null);
    await put('made-366-days-ago', 366, null);
    await sweepDeviceRecords(NOW);
    expect((await left()).audit).toEqual(['made-364-days-ago']);
  });

  it("follows the school's deviceRecordDays", async () => {
    await givePolicy({ hubUrl: 'https://hub.school.example', deviceRecordDays: 30 });
    await put('confirmed-29-days-ago', 40, 29);
    await put('confirmed-31-days-ago', 40, 31);
    await sweepDeviceRecords(NOW);
    expect((await left()).flags).toEqual(['confirmed-29-days-ago']);
  });

  it('reports how many records each table lost', async () => {
    // Made over a year ago, so the lift goes too; confirmed 20 days ago, so the rest do.
    await put('old', 400, 20);
    await put('new', 1, 1);
    expect(await sweepDeviceRecords(NOW)).toEqual(
      Object.fromEntries(DEVICE_RECORD_TABLES.map(({ table }) => [table, 1])),
    );
  });
});

describe('sweepDeviceRecords with no hub named', () => {
  beforeEach(() => givePolicy({ keyStage: 'ks2', deviceRecordDays: 10 }));

  it('deletes records made longer ago than the period: they have nowhere to go', async () => {
    await put('made-11-days-ago', 11, null);
    await put('made-9-days-ago', 9, null);
    await put('sent-long-ago-to-a-hub-since-removed', 40, 39);
    await sweepDeviceRecords(NOW);
    expect(await left()).toEqual({
      ...everyTable(['made-9-days-ago']),
      audit: ['made-11-days-ago', 'made-9-days-ago', 'sent-long-ago-to-a-hub-since-removed'],
    });
  });
});

describe('sweepDeviceRecords while the policy is unknown', () => {
  it('deletes nothing, for it cannot tell whether a hub is waiting for the records', async () => {
    await put('made-60-days-ago', 60, null);
    await fakeBrowser.storage.local.remove(LOCAL_KEYS.managedState);
    expect(await sweepDeviceRecords(NOW)).toEqual({});
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.managedState]: { fields: 'broken' } });
    expect(await sweepDeviceRecords(NOW)).toEqual({});
    expect(await left()).toEqual(everyTable(['made-60-days-ago']));
  });
});

describe('scheduleDeviceRetention', () => {
  it('sweeps every hour, first a minute after the worker starts', async () => {
    await scheduleDeviceRetention();
    const alarm = await fakeBrowser.alarms.get(DEVICE_RETENTION_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
  });
});
