// The citation for the page the pupil copied from, read from the page when they copy: its
// title, the site's own name if it gives one, its address and today's date.
import { formatCitation } from '../../../shared/citation';

function siteName(page: Document): string | null {
  const meta = page.querySelector<HTMLMetaElement>(
    'meta[property="og:site_name"], meta[name="application-name"]',
  );
  return meta?.content ?? null;
}

export function citationFor(page: Document, visited: Date): string {
  return formatCitation({
    title: page.title,
    siteName: siteName(page),
    url: page.location?.href ?? page.URL,
    visited,
  });
}
