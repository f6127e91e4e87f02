// The ready-made citation the copyright reminder offers: title, site, address and the date it
// was visited, in the form primary schools teach ("say where you found it"):
//   "Title". Site name (host). https://address. Visited 4 December 2026.
// Page titles and site names are text from the web: this only ever builds a string, which the
// prompt shows as text.

export interface CitationSource {
  /** The page's title (document.title). */
  title: string;
  /** The site's own name (its og:site_name or application-name), if it gives one. */
  siteName?: string | null;
  /** The page's address. */
  url: string;
  visited: Date;
}

/** Longest title or site name kept; a page can set either to anything. */
const MAX_PART = 150;

function tidy(text: string | null | undefined): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_PART ? `${clean.slice(0, MAX_PART - 1).trimEnd()}…` : clean;
}

/** The visit date as British schools write it: 4 December 2026. */
export function formatVisitDate(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** Ends a part with a full stop unless it already ends a sentence. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * The citation for a page. The address loses its fragment (a place on the page, or a text
 * highlight, is not part of where the page is). The site is "Name (host)", or just the host when
 * the page names no site or names it as its host.
 */
export function formatCitation(
  source: CitationSource,
  options: { timeZone?: string } = {},
): string {
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    throw new Error(`Not a web address: ${source.url.slice(0, 80)}`);
  }
  url.hash = '';
  const host = url.hostname;
  const bareHost = host.replace(/^www\./, '');
  const name = tidy(source.siteName);
  const named = name && ![host, bareHost].includes(name.toLowerCase());
  const site = named ? `${name} (${host})` : host;
  const title = tidy(source.title);
  const parts = [
    ...(title ? [`"${title}".`] : []),
    sentence(site),
    sentence(url.href),
    `Visited ${formatVisitDate(source.visited, options.timeZone)}.`,
  ];
  return parts.join(' ');
}
