// Every kind of record the outbox delivers. A new kind joins this list and is then sent on
// every trigger (start-up, the hub socket opening, the watchdog alarm) and retried on its own
// alarm.
import { filteringRecordOutbox } from './filtering-record-outbox';
import { flagOutbox } from './flag-outbox';
import { keywordAlertOutbox } from './keyword-alert-outbox';
import { deliverOutbox, outboxAlarmName, type DeliverOptions, type OutboxKind } from './outbox';
import { pupilEventOutbox } from './pupil-event-outbox';
import { visitRequestOutbox } from './visit-request-outbox';

const OUTBOXES: readonly OutboxKind[] = [
  flagOutbox,
  keywordAlertOutbox,
  visitRequestOutbox,
  pupilEventOutbox,
  filteringRecordOutbox,
];

export async function deliverOutboxes(options: DeliverOptions = {}): Promise<void> {
  await Promise.all(OUTBOXES.map((kind) => deliverOutbox(kind, options)));
}

/** The kind whose retry alarm this is, if any. */
export const outboxForAlarm = (alarmName: string): OutboxKind | undefined =>
  OUTBOXES.find((kind) => outboxAlarmName(kind) === alarmName);
