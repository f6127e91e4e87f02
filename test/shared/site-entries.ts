// Site entries for tests, parsed as the lists parse them; a bad one fails the test loudly.
import { parseSiteEntry, type SiteEntry } from '../../shared/site-entry';

export const entries = (...sites: string[]): SiteEntry[] =>
  sites.map((site) => {
    const result = parseSiteEntry(site);
    if (!result.ok) throw new Error(result.reason);
    return result.entry;
  });
