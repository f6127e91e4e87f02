// Every IndexedDB table that holds pupils' records, with the indexed times the device retention
// sweep (device-retention.ts) deletes by. A new table joins with one line here; a unit test
// fails while a table in background/database.ts is missing from this list.

export interface DeviceRecordTable {
  /** The Dexie table's name (background/database.ts). */
  readonly table: string;
  /**
   * The indexed field holding when the hub confirmed it holds the record (absent until then),
   * or null for a record that never goes to the hub.
   */
  readonly sentIndex: string | null;
  /** The indexed field holding when the device made the record. */
  readonly madeIndex: string;
  /** Days kept whatever `deviceRecordDays` says, for a record nothing else holds. */
  readonly fixedDays?: number;
}

/**
 * The image-search lifts are filtering changes (the DfE standards ask for their record) and are
 * never uploaded: the device's copy is the only one, so it is kept a year like a school's
 * filtering change log, not the short period of copies the hub already holds.
 */
export const AUDIT_DAYS = 365;

export const DEVICE_RECORD_TABLES: readonly DeviceRecordTable[] = [
  { table: 'visitRequests', sentIndex: 'sentAt', madeIndex: 'createdAt' },
  { table: 'flags', sentIndex: 'sentAt', madeIndex: 'createdAt' },
  { table: 'keywordAlerts', sentIndex: 'sentAt', madeIndex: 'createdAt' },
  { table: 'pupilEvents', sentIndex: 'sentAt', madeIndex: 'createdAt' },
  { table: 'filteringRecords', sentIndex: 'sentAt', madeIndex: 'createdAt' },
  // Image-search lifts: a record for the teacher at this device that is never uploaded.
  { table: 'audit', sentIndex: null, madeIndex: 'at', fixedDays: AUDIT_DAYS },
];
