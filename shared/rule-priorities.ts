// Every declarativeNetRequest priority the extension uses, in one place.
// Chrome applies the matching rule with the highest priority, so the order here *is* the
// policy: later issues slot image-search and SafeSearch rules above every allow rule, because
// a modifyHeaders or redirect rule below a matching allow rule is ignored
// (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#matching-algorithm).
export const RULE_PRIORITY = {
  /** Static ruleset shipped in the package: blocks every page until dynamic rules exist. */
  failsafeBlock: 1,
  /** Compiled default: anything not allowed goes to the block page for this key stage. */
  defaultBlock: 2,
  /** Key stage list, teacher approvals and lesson additions. */
  allow: 100,
  /** Always-blocked entries beat every allow rule. */
  alwaysBlocked: 200,
  /**
   * Piracy and stream-ripping sites (shared/piracy-sites.ts): above every allow rule, so nothing
   * can open them, and above always-blocked so a site on both lists shows the piracy reason.
   */
  piracy: 300,
  /**
   * Web proxies, VPNs and other ways round the filter (shared/circumvention-sites.ts): above every
   * allow rule, so nothing can open them, and above always-blocked and piracy so a site on those
   * lists too shows why it matters here: it is a way round the school's filter.
   */
  circumvention: 350,
  /**
   * SafeSearch parameters and the YouTube header, above every allow rule or Chrome ignores
   * them. A SafeSearch redirect that would change nothing (the parameter is already right) is
   * skipped and the rules below decide, so this can neither loop nor open an engine the list
   * doesn't allow (proven in test/e2e/image-search.spec.ts).
   */
  safeSearch: 400,
  /** Image search is blocked whatever allows the engine, unless a teacher lifted it. */
  imageSearch: 500,
} as const;

/** Static ruleset id in manifest.json. */
export const FAILSAFE_RULESET_ID = 'failsafe';
