// One site as a school admin writes it in an allowlist or blocklist. The same entry feeds both
// kinds of list, so parsing fails closed: anything ambiguous is refused with a reason a person
// can act on, and no normalisation may ever make an entry cover more than was written.
import { getDomain, parse } from 'tldts';

const TLDTS_OPTIONS = { allowPrivateDomains: true } as const;

export type SiteEntry =
  /** The host and every subdomain of it. */
  | { kind: 'domain'; host: string }
  /** Exactly this host, no subdomains. */
  | { kind: 'host'; host: string }
  /** Exactly this host, and only URL paths under this prefix (path starts with '/'). */
  | { kind: 'path'; host: string; path: string };

export type SiteEntryResult =
  { ok: true; entry: SiteEntry; notes: string[] } | { ok: false; reason: string };

const MAX_INPUT_LENGTH = 2048;
// Reasons quote the input back; a whole 2 KB paste would drown the message.
const MAX_QUOTED_LENGTH = 100;
const MAX_HOST_LENGTH = 253;
// Underscores are not valid in DNS host names but do occur in real sites, and browsers accept
// them, so refusing them would only stop admins listing sites that pupils can reach anyway.
const HOST_NAME =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?=\/|$)/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// \s covers Unicode spaces; the URL parser would silently delete tabs and newlines, and turn
// backslashes into slashes, so none of them may reach it.
const NEVER_IN_ADDRESS = /[\s\p{Cc}\\]/u;

const quoted = (text: string): string =>
  `'${text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…` : text}'`;

const fail = (reason: string): SiteEntryResult => ({ ok: false, reason });

/**
 * True for anything the URL parser treats as an IP address rather than a name: a bracketed (or
 * bare) IPv6 address, or a host whose last label is a number, as in the WHATWG "ends in a
 * number" rule. That is wider than canonical dotted quads on purpose: `1.2.3` and `0x7f.1` are
 * IP addresses to a browser, and must never be mistaken for names with subdomains.
 */
export function isIpLiteral(host: string): boolean {
  if (host.includes(':')) return true;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return /^\d+$/.test(last) || /^0x[0-9a-f]*$/i.test(last);
}

function wildcardReason(text: string): string {
  const body = text.replace(/^=/, '');
  const rest = body.startsWith('*.') ? body.slice(2) : null;
  if (rest !== null && rest !== '' && !rest.includes('*')) {
    return `contains a wildcard (*): write '${rest}' to include it and all its subdomains`;
  }
  const prefix = body.endsWith('/*') ? body.slice(0, -1) : null;
  if (prefix !== null && !prefix.includes('*')) {
    return `contains a wildcard (*): write '${prefix}' to include every page under it`;
  }
  return `contains a wildcard (*): wildcards can't be listed; write a site such as 'bbc.co.uk' to include it and all its subdomains`;
}

/** Splits `host[:port]` (host possibly a bracketed IPv6 address); null when it can't be split. */
function splitAuthority(authority: string): { host: string; port: string | null } | null {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return null;
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return null;
    return { host: authority.slice(0, close + 1), port: after === '' ? null : after.slice(1) };
  }
  const colon = authority.lastIndexOf(':');
  if (colon === -1) return { host: authority, port: null };
  return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

export function parseSiteEntry(input: string): SiteEntryResult {
  const text = input.trim();
  if (text === '') return fail('is empty');
  if (text.length > MAX_INPUT_LENGTH) return fail(`is longer than ${MAX_INPUT_LENGTH} characters`);
  // Reasons start with the input quoted back, so that they read on after "line 7: ".
  const reject = (why: string): SiteEntryResult => fail(`${quoted(text)} ${why}`);
  const notAddress = (): SiteEntryResult => reject('is not a web address');
  if (NEVER_IN_ADDRESS.test(text)) return notAddress();
  if (text.includes('*')) return reject(wildcardReason(text));

  const exact = text.startsWith('=');
  const body = exact ? text.slice(1) : text;

  let scheme: 'http' | 'https' | null = null;
  let rest = body;
  const schemeMatch = SCHEME.exec(body);
  if (schemeMatch) {
    const name = schemeMatch[0].slice(0, -1);
    const afterColon = body.slice(schemeMatch[0].length);
    // `bbc.co.uk:8080/x` also starts like a scheme; digits after the colon mean a port.
    const isPort = !afterColon.startsWith('//') && /^\d*(?:[/?#]|$)/.test(afterColon);
    if (!isPort) {
      if (name.includes('.')) return notAddress();
      const lower = name.toLowerCase();
      if (lower !== 'http' && lower !== 'https') {
        return reject(`uses ${lower}:, but only web addresses (http:// or https://) can be listed`);
      }
      // `http:bbc.co.uk` and `http:/bbc.co.uk` parse in browsers, but by rules few people know.
      if (!afterColon.startsWith('//')) return notAddress();
      scheme = lower;
      rest = afterColon.slice(2);
    }
  }

  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const hashAt = tail.indexOf('#');
  const pathText = hashAt === -1 ? tail : tail.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : tail.slice(hashAt);
  if (pathText.includes('?')) {
    return reject(
      `has a query: addresses with '?' queries can't be listed; list the page's path instead`,
    );
  }
  if (authority.includes('@')) return reject(`contains a username or password`);

  const split = splitAuthority(authority);
  if (split === null) return notAddress();
  const { host: hostText, port } = split;
  if (!hostText.startsWith('[') && hostText.includes(':')) {
    return /^[0-9a-f:.]+$/i.test(authority)
      ? reject(`is not a web address (write an IPv6 address in brackets, such as [2001:db8::1])`)
      : notAddress();
  }
  // The URL parser would decode %41 to a letter; an admin can always type the letter.
  if (hostText === '' || hostText.includes('%')) return notAddress();
  if (hostText.startsWith('.')) {
    const suggestion = hostText.replace(/^\.+/, '');
    return !suggestion.includes('.')
      ? notAddress()
      : reject(`starts with a dot: write '${suggestion}' to include it and all its subdomains`);
  }

  const notes: string[] = [];
  if (port !== null) {
    if (!/^\d+$/.test(port)) return notAddress();
    const number = Number(port);
    const isDefault =
      scheme === 'http'
        ? number === 80
        : scheme === 'https'
          ? number === 443
          : number === 80 || number === 443;
    if (!isDefault) return reject(`has a port: ports such as :${port} are not supported`);
    notes.push(`removed the port ':${port}'`);
  }

  // The URL parser resolves dot segments, so `/cbeebies/../` would quietly become the whole site.
  if (DOT_SEGMENT.test(pathText)) {
    return reject(`has '.' or '..' in its path: write the path without them`);
  }

  let url: URL;
  try {
    url = new URL(`http://${hostText}${pathText}`);
  } catch {
    return notAddress();
  }

  let host = url.hostname;
  const typedHost = hostText.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    if (host !== typedHost) notes.push(`wrote the IP address '${hostText}' as '${host}'`);
  } else {
    if (host.endsWith('.')) host = host.slice(0, -1);
    if (hostText.endsWith('.')) notes.push('removed the trailing dot');
    if (isIpLiteral(host)) {
      // `0x7f.1`, `1.2.3` and `010.0.0.1` are IP addresses a browser reads in surprising ways.
      if (!IPV4.test(host) || host !== typedHost) {
        return reject(
          `is not a web address (write an IP address as four numbers, such as 192.168.0.10)`,
        );
      }
    } else {
      if (host.length > MAX_HOST_LENGTH || !HOST_NAME.test(host)) return notAddress();
      // Private suffixes count too: `github.io` or `blogspot.com` as an entry would quietly
      // include every user's site hosted under it.
      if (getDomain(host, TLDTS_OPTIONS) === null) {
        const suffix = parse(host, TLDTS_OPTIONS);
        const singleLabel = !host.includes('.');
        // tldts treats any unknown single label as a suffix, so only a listed one earns that name.
        if (
          suffix.publicSuffix === host &&
          (!singleLabel || suffix.isIcann === true || suffix.isPrivate === true)
        ) {
          return fail(
            `${quoted(typedHost)} is a public suffix: it would include every site under it`,
          );
        }
        if (singleLabel) {
          return fail(
            `${quoted(typedHost)} is not a full web address (for example ${host}.school.org.uk)`,
          );
        }
        return notAddress();
      }
      if (host !== typedHost) notes.push(`wrote the name '${typedHost}' as '${host}'`);
    }
  }

  const path = url.pathname;
  if (pathText !== '' && path !== pathText) {
    notes.push(`wrote the path '${pathText}' as '${path}'`);
  }
  if (fragment !== null) notes.push(`removed the fragment '${fragment}'`);

  let entry: SiteEntry;
  if (path !== '/') {
    entry = { kind: 'path', host, path };
  } else if (exact || scheme !== null || pathText !== '' || isIpLiteral(host)) {
    entry = { kind: 'host', host };
  } else {
    entry = { kind: 'domain', host };
  }
  return { ok: true, entry, notes };
}

export function formatSiteEntry(entry: SiteEntry): string {
  switch (entry.kind) {
    case 'domain':
      return entry.host;
    case 'host':
      // An IP address never has subdomains, so the '=' would only be noise.
      return isIpLiteral(entry.host) ? entry.host : `=${entry.host}`;
    case 'path':
      return `${entry.host}${entry.path}`;
  }
}

/** Mirrors the declarativeNetRequest rules built from the entry: ports, query and fragment are ignored. */
export function entryMatchesUrl(entry: SiteEntry, url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  switch (entry.kind) {
    case 'domain':
      return hostname === entry.host || hostname.endsWith(`.${entry.host}`);
    case 'host':
      return hostname === entry.host;
    case 'path': {
      if (hostname !== entry.host) return false;
      const { pathname } = url;
      return entry.path.endsWith('/')
        ? pathname.startsWith(entry.path)
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    }
  }
}
