// Piracy and stream-ripping sites: a category that is blocked for every key stage and that
// nothing can allow (not a key stage list, a lesson, a teacher's approval or the school's own
// lists). The compiler gives it rules above every allow rule (shared/rule-priorities.ts), the
// URL judge checks it first (shared/url-verdict.ts), and the block page explains it in the
// pupil's words (`why=piracy`).
//
// It is a seed, not a complete list: these are the best-known names, from public sources named
// per group. Sites move domains often; a school adds the new ones to its always-blocked list
// (managed key `alwaysBlockedSites`), which also outranks every allow. Each entry is a whole
// domain with its subdomains, written as the lists write sites (README "Writing sites").
import { parseSiteEntry, type SiteEntry } from './site-entry';

export interface PiracyGroup {
  /** What the sites do, for people reading the list. */
  kind: string;
  /** Where the names come from. */
  source: string;
  domains: readonly string[];
}

export const PIRACY_GROUPS: readonly PiracyGroup[] = [
  {
    kind: 'Torrent indexes',
    // Dramatico Entertainment v BSkyB [2012] EWHC 1152 (Ch) (The Pirate Bay); EMI Records v
    // BSkyB [2013] EWHC 379 (Ch) (KickassTorrents and others); later music and film industry
    // orders naming further torrent sites; and the sites' own well-known successor domains.
    source: 'UK High Court blocking orders against torrent sites (2012 onwards)',
    domains: [
      'thepiratebay.org',
      'piratebay.party',
      'tpb.party',
      'kickasstorrents.to',
      'kickass.to',
      'katcr.co',
      '1337x.to',
      '1337x.st',
      'x1337x.ws',
      'rarbg.to',
      'yts.mx',
      'yts.am',
      'eztv.re',
      'eztvx.to',
      'torrentz2.eu',
      'limetorrents.info',
      'torlock.com',
      'torrentdownloads.pro',
      'magnetdl.com',
      'torrentgalaxy.to',
      'isohunt.to',
      'extratorrent.cc',
      'demonoid.is',
      'nyaa.si',
    ],
  },
  {
    kind: 'Illegal film, TV and anime streaming',
    // Twentieth Century Fox v BT [2011] EWHC 1981 (Ch) and the studios' later orders
    // (Putlocker, Solarmovie, Popcorn Time, Movie4k, Primewire, Watchseries and others), with the
    // clone sites that industry reports name under the same brands.
    source: 'UK High Court blocking orders won by film studios, and their widely reported clones',
    domains: [
      'putlocker.to',
      'putlocker.is',
      'solarmovie.to',
      'primewire.li',
      'primewire.tf',
      'movie4k.to',
      'watchseries.to',
      'popcorntime.app',
      'popcorn-time.to',
      '123movies.to',
      'gomovies.sx',
      'fmovies.to',
      'soap2day.to',
      'soap2day.rs',
      'lookmovie.io',
      'yesmovies.ag',
      'kissanime.ru',
      '9anime.to',
      'aniwave.to',
      'myflixer.to',
      'hdtoday.tv',
    ],
  },
  {
    kind: 'Illegal music, e-book and game downloads',
    // BPI music orders (2014 onwards, e.g. MP3Skull, NewAlbumReleases); Library Genesis and
    // Z-Library, the subject of publishers' court actions and a 2022 US domain seizure; and
    // cracked-game sites named in games publishers' takedown reports.
    source: 'UK High Court orders won by the BPI, publishers\u2019 court actions and seizures',
    domains: [
      'mp3skull.com',
      'newalbumreleases.net',
      'libgen.is',
      'z-lib.org',
      'steamunlocked.net',
      'igg-games.com',
      'skidrowreloaded.com',
      'oceanofgames.com',
    ],
  },
  {
    kind: 'YouTube-to-MP3 and other stream rippers',
    // Stream ripping is named by the IFPI and BPI as the biggest source of music piracy:
    // YouTube-mp3.org closed in 2017 after their action; Convert2MP3 after a German court order
    // in 2019; FLVTO and 2conv were sued in the US (UMG v Kurbanov); the rest are the rippers
    // those reports and news coverage name most often.
    source: 'IFPI and BPI stream-ripping reports and the court cases against rippers',
    domains: [
      'youtube-mp3.org',
      'convert2mp3.net',
      'flvto.biz',
      '2conv.com',
      'y2mate.com',
      'y2mate.is',
      'ytmp3.cc',
      'ytmp3.nu',
      'yt1s.com',
      'mp3juices.cc',
      'savefrom.net',
      'onlinevideoconverter.com',
      'loader.to',
      'ssyoutube.com',
      '9convert.com',
      'x2convert.com',
      'keepvid.com',
      'clipconverter.cc',
      'genyoutube.net',
    ],
  },
];

/** Every piracy domain, sorted. */
export const PIRACY_DOMAINS: readonly string[] = PIRACY_GROUPS.flatMap((group) => group.domains)
  .slice()
  .sort();

/**
 * The list as site entries (whole domains). A name that doesn't parse is a mistake in this
 * file, which the unit test catches; it is skipped here rather than breaking the compiler.
 */
export const PIRACY_ENTRIES: readonly SiteEntry[] = PIRACY_DOMAINS.flatMap((domain) => {
  const parsed = parseSiteEntry(domain);
  return parsed.ok ? [parsed.entry] : [];
});
