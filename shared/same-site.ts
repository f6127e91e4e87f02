// What counts as the same site for Block It, on its own so the prompts script, which every
// page parses, can tell a link within the site without the rest of shared/message-links.ts.

const bare = (host: string) =>
  host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');

/**
 * True when two hosts are one site for Block It: the same host (with or without `www.`), or
 * one inside the other (`mail.school.org` and `school.org`). Links between a platform's own
 * pages go through untouched; anything else is asked about.
 */
export function isSameSite(a: string, b: string): boolean {
  const x = bare(a);
  const y = bare(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** A query value that starts with a web address, written plainly or percent-encoded. */
const WEB_ADDRESS_VALUE = /[?&][^=&]*=https?(?::|%3a)/i;

/**
 * True when a link's query carries a web address, as every redirect in
 * shared/message-links.ts does: such a link may lead to another site whatever its own host.
 * The prompts script's cheap first look; unwrapRedirect gives the real answer.
 */
export const carriesWebAddress = (search: string): boolean => WEB_ADDRESS_VALUE.test(search);
