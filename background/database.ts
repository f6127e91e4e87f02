// The extension's one IndexedDB database, and the only module that opens it. Records that must
// survive the worker stopping and the browser restarting live here.
import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../shared/audit-entry';
import type { FilteringRecord } from '../shared/filtering-record';
import type { FlagRecord, KeywordAlertRecord } from '../shared/flag-record';
import type { PupilEventRecord } from '../shared/pupil-event';
import type { VisitRequest } from '../shared/visit-request';

export const DATABASE_NAME = 'safe-class';

export class SafeClassDatabase extends Dexie {
  visitRequests!: EntityTable<VisitRequest, 'id'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  flags!: EntityTable<FlagRecord, 'id'>;
  keywordAlerts!: EntityTable<KeywordAlertRecord, 'id'>;
  pupilEvents!: EntityTable<PupilEventRecord, 'id'>;
  filteringRecords!: EntityTable<FilteringRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version numbers only ever go up; each new version lists its full schema.
    this.version(1).stores({ visitRequests: 'id, status, createdAt' });
    this.version(2).stores({ visitRequests: 'id, status, createdAt', audit: 'id, at' });
    // sentAt: when the hub confirmed it holds a request (absent while it waits in the outbox),
    // indexed so a retention sweep can find delivered requests without reading every one.
    this.version(3).stores({
      visitRequests: 'id, status, createdAt, sentAt',
      audit: 'id, at',
    });
    // Flag It: pupils' flags and keyword alerts wait here for the hub. [keyword+url] finds a
    // recent alert for the same term and page, so one search doesn't alert twice.
    this.version(4).stores({
      visitRequests: 'id, status, createdAt, sentAt',
      audit: 'id, at',
      flags: 'id, createdAt, sentAt',
      keywordAlerts: 'id, createdAt, sentAt, [keyword+url]',
    });
    // Zip It, Block It, copyright and download records (by type only) wait here for the hub.
    this.version(5).stores({
      visitRequests: 'id, status, createdAt, sentAt',
      audit: 'id, at',
      flags: 'id, createdAt, sentAt',
      keywordAlerts: 'id, createdAt, sentAt, [keyword+url]',
      pupilEvents: 'id, createdAt, sentAt',
    });
    // The filtering record: each blocked attempt (shared/filtering-record.ts) waits here for the
    // hub; sentAt finds delivered ones to prune.
    this.version(6).stores({
      visitRequests: 'id, status, createdAt, sentAt',
      audit: 'id, at',
      flags: 'id, createdAt, sentAt',
      keywordAlerts: 'id, createdAt, sentAt, [keyword+url]',
      pupilEvents: 'id, createdAt, sentAt',
      filteringRecords: 'id, createdAt, sentAt',
    });
  }
}

export const database = new SafeClassDatabase();
