// The domain a device says its pupil is on, made canonical the way list entries are. Only a
// bare host is accepted (least data: never a path or a query), and it is kept in memory only.
import { parseSiteEntry } from '../../shared/site-entry';

/** The canonical host; null for "no site"; undefined when the report isn't a host at all. */
export function reportedDomain(domain: string | null): string | null | undefined {
  if (domain === null) return null;
  const parsed = parseSiteEntry(domain);
  if (!parsed.ok || parsed.entry.kind === 'path') return undefined;
  return parsed.entry.host;
}
