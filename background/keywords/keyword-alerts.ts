// Keyword alerts: a school keyword found in a pupil's search or a page title. Each holds the
// term and the address, never the page's text (ARCHITECTURE rule 4), and waits here until the
// hub confirms it holds it (outbox/keyword-alert-outbox.ts).
import type { KeywordAlertRecord } from '../../shared/flag-record';
import { database } from '../database';

/** What the worker's keyword watch found (keywords/tab-keyword-watch.ts). */
export type KeywordMatch = Pick<KeywordAlertRecord, 'keyword' | 'where' | 'url'>;

/** The same keyword on the same address this soon is the same moment, not a new alert. */
export const REPEAT_ALERT_MS = 5 * 60_000;

/**
 * Records the alert; false for a repeat. The watch forgets a tab's matches when the tab closes
 * or moves on, so a pupil who comes back to the same search a minute later is the same moment.
 */
export async function recordKeywordAlert(match: KeywordMatch): Promise<boolean> {
  const { keyword, where, url } = match;
  const since = new Date(Date.now() - REPEAT_ALERT_MS).toISOString();
  return database.transaction('rw', database.keywordAlerts, async () => {
    const recent = await database.keywordAlerts
      .where('[keyword+url]')
      .equals([keyword, url])
      .filter((alert) => alert.createdAt >= since)
      .count();
    if (recent > 0) return false;
    await database.keywordAlerts.add({
      id: crypto.randomUUID(),
      keyword,
      where,
      url,
      createdAt: new Date().toISOString(),
    });
    return true;
  });
}

export async function undeliveredKeywordAlerts() {
  return database.keywordAlerts
    .orderBy('createdAt')
    .filter((alert) => !alert.sentAt)
    .toArray();
}

export async function markKeywordAlertsSent(ids: readonly string[], sentAt: string) {
  await database.keywordAlerts.where('id').anyOf(ids).modify({ sentAt });
}

/** A new id for an alert whose id the hub holds from another device (never expected). */
export async function renewKeywordAlertId(id: string): Promise<void> {
  await database.transaction('rw', database.keywordAlerts, async () => {
    const alert = await database.keywordAlerts.get(id);
    if (!alert || alert.sentAt) return;
    await database.keywordAlerts.delete(id);
    await database.keywordAlerts.add({ ...alert, id: crypto.randomUUID() });
  });
}
