// SafeSearch, locked on for every web search that stays allowed. Each engine's results pages
// get its strict-filter parameter set (replacing any value a pupil typed, such as safe=off),
// and YouTube gets Restricted Mode through the header Google documents for networks that
// enforce it. Rules built from this outrank every allow rule (rule-priorities.ts).
// Sources: support.google.com/websearch/answer/186669 (SafeSearch), Bing's `adlt` parameter,
// DuckDuckGo's `kp` parameter, support.google.com/a/answer/6214622 (YouTube-Restrict).

export interface SafeSearchParameter {
  engine: string;
  /** RE2 (and JavaScript) regex for the engine's results pages. */
  regex: string;
  key: string;
  value: string;
}

export const SAFE_SEARCH_PARAMETERS: readonly SafeSearchParameter[] = [
  {
    engine: 'Google',
    regex:
      '^https?://(www\\.)?google\\.([a-z]{2,3}|co\\.[a-z]{2}|com\\.[a-z]{2})/(search|webhp|imgres)([?#/]|$)',
    key: 'safe',
    value: 'active',
  },
  {
    engine: 'Bing',
    regex:
      '^https?://(www\\.|cn\\.)?bing\\.com/(search|images/search|videos/search|news/search)([?#/]|$)',
    key: 'adlt',
    value: 'strict',
  },
  {
    engine: 'DuckDuckGo',
    regex: '^https?://(html\\.|lite\\.)?duckduckgo\\.com/(html/?|lite/?)?\\?',
    key: 'kp',
    value: '1',
  },
];

/** Every host YouTube serves pages, embeds or its API from. */
export const YOUTUBE_HOSTS = [
  'youtube.com',
  'youtube-nocookie.com',
  'youtubei.googleapis.com',
  'youtube.googleapis.com',
  'youtu.be',
] as const;

export const YOUTUBE_RESTRICT_HEADER = { header: 'YouTube-Restrict', value: 'Strict' } as const;
