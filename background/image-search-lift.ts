// A teacher's lift of the image-search block for a supervised lesson: the only way to lift it,
// always time-limited, and recorded. The end is kept in settings (so a restart can't extend
// it) and an alarm recompiles the rules when it passes.
import browser from 'webextension-polyfill';
import type { AuditEntry } from '../shared/audit-entry';
import { database } from './database';
import { readSettings, updateSettings } from './policy-store';

export const LIFT_ALARM = 'image-search-lift-ends';

async function record(by: string, action: AuditEntry['action'], detail: string) {
  await database.audit.add({
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    by,
    action,
    detail,
  });
}

export async function liftImageSearch(minutes: number, by: string): Promise<string> {
  const at = new Date();
  const until = new Date(at.getTime() + minutes * 60_000).toISOString();
  await updateSettings((settings) => ({
    settings: { ...settings, imageSearchLift: { until, by, at: at.toISOString() } },
    result: null,
  }));
  // A second late, so the rules are rebuilt once the lift has certainly passed.
  await browser.alarms.create(LIFT_ALARM, { when: Date.parse(until) + 1_000 });
  await record(by, 'image-search-lifted', `for ${minutes} minutes, until ${until}`);
  return until;
}

export async function endImageSearchLift(by: string): Promise<void> {
  const ended = await updateSettings((settings) => ({
    settings: { ...settings, imageSearchLift: null },
    result: settings.imageSearchLift !== null,
  }));
  await browser.alarms.clear(LIFT_ALARM);
  if (ended) await record(by, 'image-search-lift-ended', 'ended before its time by a teacher');
}

export async function recentAudit(): Promise<AuditEntry[]> {
  return database.audit.orderBy('at').reverse().limit(100).toArray();
}

/** The alarm's work: record that the lift ran out (the caller then rebuilds the rules). */
export async function recordLiftExpired(): Promise<void> {
  const lift = (await readSettings()).imageSearchLift;
  if (!lift) return;
  if (Date.parse(lift.until) > Date.now()) {
    // Woken early: look again just after the end.
    await browser.alarms.create(LIFT_ALARM, { when: Date.parse(lift.until) + 1_000 });
    return;
  }
  await updateSettings((current) => ({
    settings: { ...current, imageSearchLift: null },
    result: null,
  }));
  await record(lift.by, 'image-search-lift-ended', 'ended on time');
}
