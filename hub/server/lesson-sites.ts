// A lesson's sites as a teacher typed them, made canonical with the same parser the extension
// uses for every list. Every bad site is reported by its position (counting from 1, as a teacher
// counts), so the whole list can be fixed in one go.
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';

export type SitesResult = { ok: true; sites: string[] } | { ok: false; errors: string[] };

export function canonicalSites(items: readonly unknown[]): SitesResult {
  const errors: string[] = [];
  const sites = new Set<string>();
  items.forEach((item, index) => {
    const where = `sites item ${index + 1}`;
    if (typeof item !== 'string') {
      errors.push(`${where}: expected the site as text`);
      return;
    }
    const parsed = parseSiteEntry(item);
    if (parsed.ok) sites.add(formatSiteEntry(parsed.entry));
    else errors.push(`${where}: ${parsed.reason}`);
  });
  // Two spellings of one site (`BBC.co.uk`, `bbc.co.uk`) become one entry, first place kept.
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sites: [...sites] };
}
