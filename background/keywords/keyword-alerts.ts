// Keyword alerts: a school keyword found in a pupil's search or a page title. Each holds the
// term and the address, never the page's text (ARCHITECTURE rule 4), and waits here until the
// hub confirms it holds it (outbox/keyword-alert-outbox.ts).
import type { MessageRequest } from '../../shared/messages';
import { normaliseWords } from '../../shared/keyword-match';
import { database } from '../database';
import { deviceKeywords } from './device-keywords';

/** The same keyword on the same address this soon is the same moment, not a new alert. */
export const REPEAT_ALERT_MS = 5 * 60_000;

/**
 * Records the alert; false when it isn't one: a keyword not on the device's list (a content
 * script can't make up alerts), an address that isn't a web page, or a repeat.
 */
export async function recordKeywordAlert(
  match: MessageRequest<'content.keywordMatch'>,
): Promise<boolean> {
  const words = normaliseWords(match.keyword);
  const keyword = (await deviceKeywords()).find((listed) => normaliseWords(listed) === words);
  if (!keyword || !/^https?:\/\//i.test(match.url)) return false;
  const since = new Date(Date.now() - REPEAT_ALERT_MS).toISOString();
  return database.transaction('rw', database.keywordAlerts, async () => {
    const recent = await database.keywordAlerts
      .where('[keyword+url]')
      .equals([keyword, match.url])
      .filter((alert) => alert.createdAt >= since)
      .count();
    if (recent > 0) return false;
    await database.keywordAlerts.add({
      id: crypto.randomUUID(),
      keyword,
      where: match.where,
      url: match.url,
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
