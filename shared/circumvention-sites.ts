// Web proxies, VPNs and other ways round the school's filter: a category that is blocked for
// every key stage and that nothing can allow (not a key stage list, a lesson, a teacher's
// approval or the school's own lists). The compiler gives it a rule above every allow rule
// (shared/rule-priorities.ts), the URL judge checks it first (shared/url-verdict.ts), the block
// page explains it in the pupil's words (`why=circumvention`), and every attempt goes in the
// filtering record, where the weekly summary shows it on its own line.
//
// Why a category of its own: the DfE filtering and monitoring standards ask schools to know when
// pupils try to get round the filter, and the UK Safer Internet Centre's "appropriate filtering"
// definitions expect a filter to manage the tools for it (VPNs and proxy services). A proxy or
// VPN page opened in the browser would carry the pupil anywhere the lists don't allow.
//
// It is a seed, not a complete list: the best-known names, each group saying where the names
// come from. New proxy mirrors appear every week; a school adds them to its always-blocked list
// (managed key `alwaysBlockedSites`), which also outranks every allow. Each entry is a whole
// domain with its subdomains, written as the lists write sites (README "Writing sites").
import { parseSiteEntry, type SiteEntry } from './site-entry';

export interface CircumventionGroup {
  /** What the sites do, for people reading the list. */
  kind: string;
  /** Where the names come from. */
  source: string;
  domains: readonly string[];
}

export const CIRCUMVENTION_GROUPS: readonly CircumventionGroup[] = [
  {
    kind: 'Web proxies and unblockers',
    // Each of these says on its own home page that it opens blocked sites through itself (a
    // "free web proxy" or "unblocker"); they are the names pupils pass round and that school
    // filter vendors' proxy categories and blocking guides name most often.
    source: 'Sites that describe themselves as free web proxies or unblockers',
    domains: [
      'croxyproxy.com',
      'croxyproxy.rocks',
      'croxyproxy.net',
      'proxysite.com',
      'hidester.com',
      'kproxy.com',
      'proxyium.com',
      'blockaway.net',
      '4everproxy.com',
      'proxfree.com',
      'filterbypass.me',
      'megaproxy.com',
      'hidemyass.com',
      'vpnbook.com',
      'proxyscrape.com',
      'free-proxy-list.net',
    ],
  },
  {
    kind: 'VPN services and their downloads',
    // Consumer VPN services' own sites, where the apps and browser add-ons are downloaded; each
    // sells or gives away a VPN, and several advertise "unblocking" as what it is for.
    source: 'Consumer VPN providers, named by their own sites as VPN services',
    domains: [
      'hide.me',
      'nordvpn.com',
      'expressvpn.com',
      'protonvpn.com',
      'surfshark.com',
      'cyberghostvpn.com',
      'privateinternetaccess.com',
      'windscribe.com',
      'tunnelbear.com',
      'hotspotshield.com',
      'urban-vpn.com',
      'hola.org',
      'betternet.co',
      'mullvad.net',
      'ipvanish.com',
      'purevpn.com',
      'vyprvpn.com',
      'zenmate.com',
      'touchvpn.net',
      'browsec.com',
      'setupvpn.com',
    ],
  },
  {
    kind: 'Censorship-circumvention tools',
    // Tools built to get round national and network filtering: the Tor Browser, Psiphon,
    // Ultrasurf and Lantern, each from its own project site.
    source: 'The projects’ own sites: Tor Project, Psiphon, Ultrasurf and Lantern',
    domains: [
      'torproject.org',
      'psiphon.ca',
      'psiphon3.com',
      'ultrasurf.us',
      'getlantern.org',
      'lantern.io',
    ],
  },
];

/** Every circumvention domain, sorted. */
export const CIRCUMVENTION_DOMAINS: readonly string[] = CIRCUMVENTION_GROUPS.flatMap(
  (group) => group.domains,
)
  .slice()
  .sort();

/**
 * The list as site entries (whole domains). A name that doesn't parse is a mistake in this
 * file, which the unit test catches; it is skipped here rather than breaking the compiler.
 */
export const CIRCUMVENTION_ENTRIES: readonly SiteEntry[] = CIRCUMVENTION_DOMAINS.flatMap(
  (domain) => {
    const parsed = parseSiteEntry(domain);
    return parsed.ok ? [parsed.entry] : [];
  },
);
