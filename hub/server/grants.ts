// Grants: what an allowed "ask to visit" request lets through, and which of them a device's
// snapshot carries. A grant covers the exact host the pupil asked for, for the pupil or their
// whole class, until the lesson ends (sooner if a teacher ends it early) or the day does.
import type { Grant } from '../../shared/hub-protocol';
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';

/** The snapshot's limit (hub-protocol.ts); the ones lasting longest are kept. */
export const MAX_SNAPSHOT_GRANTS = 500;

/** Canonical site text for the exact host of `url`, as the options page approves one. */
export function exactHostSite(
  url: string,
): { ok: true; site: string } | { ok: false; reason: string } {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return { ok: false, reason: 'the address is not a web address' };
  }
  // The exact host the pupil asked for, not every subdomain beside it.
  const parsed = parseSiteEntry(`=${hostname}`);
  return parsed.ok ? { ok: true, site: formatSiteEntry(parsed.entry) } : parsed;
}

/** The grants in force for the device's pupil at `now`: their own and their class's. */
export async function grantsInForce(
  db: HubDb,
  device: DeviceIdentity,
  now: Date,
): Promise<Grant[]> {
  const at = now.toISOString();
  const { pupil } = device;
  const rows = await db
    .selectFrom('grants')
    .leftJoin('lessons', 'lessons.id', 'grants.lesson_id')
    .select(['grants.request_id', 'grants.site', 'grants.until'])
    .where('grants.until', '>', at)
    .where((eb) =>
      eb.or([
        eb('grants.lesson_id', 'is', null),
        eb.and([eb('lessons.ended_at', 'is', null), eb('lessons.ends_at', '>', at)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        // A pupil's grant made while their email was on no roster names only the device.
        eb('grants.device_id', '=', device.id),
        ...(pupil
          ? [eb('grants.pupil_id', '=', pupil.id), eb('grants.class_id', '=', pupil.classId)]
          : []),
      ]),
    )
    .orderBy('grants.until', 'desc')
    .orderBy('grants.request_id')
    .limit(MAX_SNAPSHOT_GRANTS)
    .execute();
  return rows.map((row) => ({ requestId: row.request_id, site: row.site, until: row.until }));
}
