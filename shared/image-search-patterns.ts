// The school rule: raw image search is never used with pupils, even on engines whose web search
// a school allows. This file is only the data: each pattern becomes one declarativeNetRequest
// regexFilter rule (main_frame and sub_frame) that redirects to the block page.
//
// How the patterns are written, and why:
// - Chrome matches regexFilter with RE2 and caps each compiled regex at 2 KB
//   (kRegexMaxMemKb in Chromium), which is only about a hundred RE2 instructions. Each pattern is
//   kept small enough to compile under 85% of that cap, so a different RE2 build in Chrome still
//   has room. That budget, not taste, is why the wrapper patterns are split by engine, and why
//   every group is non-capturing `(?:...)`: a redirect rule with a regexSubstitution makes Chrome
//   compile with captures on, and each capturing group costs two more instructions.
// - Hosts: Chrome hands DNR a lowercased host. `(?:[a-z0-9.-]*[.-])?` allows any subdomains while
//   still needing a label boundary before the engine's name (so plumbing.com is not Bing), and
//   `[.-]` between labels plus an optional `(?:\.[a-z.-]+)?` tail lets the same pattern catch
//   Google Translate's proxy, which writes www.bing.com as www-bing-com.translate.goog.
// - Query parameters are matched wherever they sit, `[?&]name=value(?:&|#|$)` in effect, because
//   engines reorder them freely; `(?:[^#]*&)?` keeps the match inside the query.
// - Paths end at `(?:[/?#]|$)` so /images matches /images/search and /images?q= but not /imagesxyz.
// - Chrome matches case-insensitively unless a rule says otherwise (isUrlFilterCaseSensitive is
//   false by default), so the patterns use lowercase and the tests also check that folding case
//   changes no verdict. No (?i), lookaround, backreferences or \Z: RE2 and JavaScript must agree.
// - Wrappers (Translate's /translate?u=, Google's cache, the Wayback Machine, archive.today) carry
//   the engine's address inside their own, often percent-encoded (%3D for =, %2F for /), so those
//   patterns look for an engine's image-search marker anywhere after the wrapper.
//
// Known gaps, left to other layers: Startpage sends searches by POST by default, so its category
// is in the body where DNR cannot see it; tab switches inside an already-loaded page (Google
// Programmable Search's #gsc.tab) make no request; archive.today short links (archive.ph/AbCd)
// hide the wrapped address; other engines' encoded URLs inside Translate's /translate?u= are
// caught only after Translate redirects to the *.translate.goog proxy.

export interface ImageSearchPattern {
  /** Engine name as a teacher would say it: 'Google', 'Bing', 'DuckDuckGo', ... */
  engine: string;
  /** What this pattern catches, in plain words (e.g. "Google Images results (tbm=isch)"). */
  catches: string;
  /**
   * An RE2 regular expression matched by Chrome against the whole request URL.
   * Valid in both RE2 and JavaScript, anchored with ^https?://, written for lowercase hosts.
   * Small enough to stay well inside Chrome's 2 KB compiled-size cap for one regex rule.
   */
  regex: string;
}

/** Any subdomains, ending at a label boundary ('.' or the Translate proxy's '-'). */
const SUBDOMAINS = String.raw`^https?://(?:[a-z0-9.-]*[.-])?`;
/** An optional extra host suffix, such as the Translate proxy's `.translate.goog`. */
const PROXY_TAIL = String.raw`(?:\.[a-z.-]+)?`;
/** A path segment ends here: next segment, query, fragment or end of the address. */
const SEGMENT_END = '(?:[/?#]|$)';
/** Any path, then a query holding `param` as a whole parameter in any position. */
const queryHas = (param: string) => String.raw`/[^?#]*\?(?:[^#]*&)?${param}(?:&|#|$)`;
/** The wrappers that carry another address inside their own (Translate, cache, archives). */
const WRAPPER = String.raw`^https?://(?:(?:translate|webcache)\.google[a-z.]*|(?:web\.)?archive\.[a-z]+)/[^#]*`;
/** Only the archives: other engines inside Translate's wrapper end up on *.translate.goog. */
const ARCHIVE = String.raw`^https?://(?:web\.)?archive\.[a-z]+/[^#]*`;

const GOOGLE = `${SUBDOMAINS}google[.-][a-z.-]+`;

export const IMAGE_SEARCH_PATTERNS: readonly ImageSearchPattern[] = [
  {
    engine: 'Google',
    catches:
      'Google Images results (tbm=isch or udm=2) and Google Lens results shown in Search ' +
      '(lns_mode=un or mu), on every Google country domain and through the Translate proxy',
    regex: GOOGLE + queryHas('(?:tbm=isch|udm=2|lns_mode=(?:un|mu))'),
  },
  {
    engine: 'Google',
    catches:
      'Google search by image and "visually similar" results (tbs=sbi: or tbs=simg:) and Lens ' +
      'visual-match results (vsrid=)',
    regex: String.raw`${GOOGLE}/[^?#]*\?(?:[^#]*&)?(?:vsrid=|tbs=(?:sbi|simg)(?::|%3[Aa]))`,
  },
  {
    engine: 'Google',
    catches:
      'Google Images pages: the Images home (/imghp), the image viewer (/imgres), /images, ' +
      'search by image URL (/searchbyimage), /lens and Advanced Image Search',
    regex: `${GOOGLE}/(?:imghp|imgres|images|searchbyimage|lens|advanced_image_search)${SEGMENT_END}`,
  },
  {
    engine: 'Google',
    catches:
      'Every page of images.google.* and Google Lens (lens.google.com), including upload by URL',
    regex: String.raw`^https?://(?:images|lens)[.-]google[.-][a-z.-]+/`,
  },
  {
    engine: 'Google',
    catches:
      'Google Images results wrapped in Google Translate, Google cache or a web archive, ' +
      'plain or percent-encoded (tbm=isch, tbm%3Disch, udm=2, udm%3D2)',
    regex: String.raw`${WRAPPER}(?:tbm(?:=|%3[Dd])isch|udm(?:=|%3[Dd])2(?:&|%26|$))`,
  },
  {
    engine: 'Google',
    catches:
      'images.google.*, Google Lens or the Google image viewer wrapped in Google Translate, ' +
      'Google cache or a web archive',
    regex: String.raw`${WRAPPER}(?:(?:images|lens)\.google\.|imgres)`,
  },
  {
    engine: 'Bing',
    catches:
      'Bing Images (/images/...: results, image detail, feed, search by image, Image Creator) ' +
      'and Bing Visual Search',
    regex: String.raw`${SUBDOMAINS}bing[.-]com${PROXY_TAIL}/(?:images|visualsearch)${SEGMENT_END}`,
  },
  {
    engine: 'DuckDuckGo',
    catches:
      'DuckDuckGo image results (ia=images, iax=images or iar=images) on any DuckDuckGo host',
    regex:
      String.raw`${SUBDOMAINS}duckduckgo[.-]com${PROXY_TAIL}` + queryHas('(?:ia|iax|iar)=images'),
  },
  {
    engine: 'DuckDuckGo',
    catches: "DuckDuckGo's full-size image viewer (external-content.duckduckgo.com/iu/)",
    regex: String.raw`^https?://external-content\.duckduckgo\.com/iu/`,
  },
  {
    engine: 'Yahoo',
    catches:
      'Yahoo Images on every country host (images.search.yahoo.com, uk.images.search.yahoo.com) ' +
      'and Yahoo Japan image search',
    regex:
      SUBDOMAINS +
      String.raw`(?:images[.-](?:search[.-])?yahoo[.-]com${PROXY_TAIL}/|search[.-]yahoo[.-]co[.-]jp${PROXY_TAIL}/image${SEGMENT_END})`,
  },
  {
    engine: 'AOL',
    catches: 'AOL image search (search.aol.com/aol/image), which serves Yahoo image results',
    regex: String.raw`${SUBDOMAINS}search[.-]aol[.-][a-z.-]+/aol/image`,
  },
  {
    engine: 'Yandex',
    catches:
      'Yandex Images on every Yandex domain and ya.ru (/images, Turkish /gorsel), including ' +
      'search by image, and the old images.yandex.* host',
    regex:
      SUBDOMAINS +
      String.raw`(?:images[.-]yandex[.-][a-z.-]+/|(?:yandex[.-][a-z.-]+|ya[.-]ru${PROXY_TAIL})/(?:images|gorsel)${SEGMENT_END})`,
  },
  {
    engine: 'Ecosia',
    catches: 'Ecosia image results (ecosia.org/images)',
    regex: String.raw`${SUBDOMAINS}ecosia[.-]org${PROXY_TAIL}/images${SEGMENT_END}`,
  },
  {
    engine: 'Startpage',
    catches:
      'Startpage image results sent as a link (cat=images, or the older cat=pics on /do/search)',
    regex: String.raw`${SUBDOMAINS}startpage[.-]com${PROXY_TAIL}` + queryHas('cat=(?:images|pics)'),
  },
  {
    engine: 'Startpage',
    catches: "Startpage's full-size image viewer (/av/proxy-image)",
    regex: String.raw`${SUBDOMAINS}startpage[.-]com${PROXY_TAIL}/av/proxy-image`,
  },
  {
    engine: 'Brave',
    catches: 'Brave Search image results (search.brave.com/images)',
    regex: String.raw`${SUBDOMAINS}search[.-]brave[.-]com${PROXY_TAIL}/images${SEGMENT_END}`,
  },
  {
    engine: 'Qwant',
    catches: 'Qwant image results (t=images)',
    regex: String.raw`${SUBDOMAINS}qwant[.-]com${PROXY_TAIL}` + queryHas('t=images'),
  },
  {
    engine: 'Baidu',
    catches: 'Baidu Images (image.baidu.com) and Baidu search by image (graph.baidu.com)',
    regex: String.raw`${SUBDOMAINS}(?:image|graph)[.-]baidu[.-]com${PROXY_TAIL}/`,
  },
  {
    engine: 'Baidu',
    catches: 'Baidu image results on other Baidu hosts (tn=baiduimage, mobile pd=image_content)',
    regex:
      String.raw`${SUBDOMAINS}baidu[.-]com${PROXY_TAIL}` +
      queryHas('(?:tn=baiduimage[a-z]*|pd=image_content)'),
  },
  {
    engine: 'Pinterest',
    catches:
      'Pinterest search on every country domain (/search/pins, /search/boards, /search/...) and ' +
      'Pinterest visual search from a pin',
    regex: String.raw`${SUBDOMAINS}pinterest[.-][a-z.-]+/(?:search|pin/[^/?#]+/visual-search)${SEGMENT_END}`,
  },
  {
    engine: 'Kiddle',
    catches: 'Kiddle image search (kiddle.co/i.php)',
    regex: String.raw`${SUBDOMAINS}kiddle[.-]co${PROXY_TAIL}/i\.php`,
  },
  {
    engine: 'Swisscows',
    catches: 'Swisscows image results (swisscows.com/images, /en/images, ...)',
    regex: String.raw`${SUBDOMAINS}swisscows[.-]com${PROXY_TAIL}/(?:[a-z-]+/)?images${SEGMENT_END}`,
  },
  {
    engine: 'Mojeek',
    catches: 'Mojeek image results (fmt=images) on mojeek.com and mojeek.co.uk',
    regex: String.raw`${SUBDOMAINS}mojeek[.-][a-z.-]+` + queryHas('fmt=images'),
  },
  {
    engine: 'TinEye',
    catches: 'TinEye, a reverse image search engine: every page',
    regex: String.raw`${SUBDOMAINS}tineye[.-]com${PROXY_TAIL}/`,
  },
  {
    engine: 'Bing, Ecosia, Brave or Yandex',
    catches: 'Bing, Ecosia, Brave or Yandex image results kept in a web archive (Wayback Machine)',
    regex: String.raw`${ARCHIVE}(?:bing|ecosia|brave|yandex)\.[a-z.]+/(?:images|visualsearch|gorsel)`,
  },
  {
    engine: 'Yahoo, Baidu or Pinterest',
    catches: 'Yahoo Images, Baidu Images or Pinterest search kept in a web archive',
    regex: String.raw`${ARCHIVE}(?:images\.search\.yahoo|image\.baidu|pinterest\.[a-z.]+/search)`,
  },
  {
    engine: 'DuckDuckGo, Qwant or Startpage',
    catches: 'DuckDuckGo, Qwant or Startpage image results kept in a web archive',
    regex: String.raw`${ARCHIVE}(?:duckduckgo|qwant|startpage)\.com/[^#]*[?&](?:ia|t|cat)=(?:images|pics)`,
  },
];
