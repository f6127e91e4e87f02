// Keyword monitoring (DfE: live keyword monitoring). Registered only while the device has
// keywords to watch for (background/keywords/keyword-watch-script.ts), so with no list web
// pages never load it. It looks at what the pupil searched for (the address's search
// parameters) and the page's title, never the page's text, and reports only the keyword and
// the address. Then it offers the pupil a gentle way to flag it.
//
// It runs on every web page while there is a list, allowed pages included, so its load is kept
// to the bare minimum and off the page's critical path: it is built as one small classic file
// (shared/classic-content-scripts.ts), uses `chrome.*` directly rather than the polyfill, which
// would be parsed on every page load, and does nothing until the page's load event has fired.
import { createKeywordMatcher, searchTerms, type KeywordMatcher } from '../shared/keyword-match';
import { KEYWORD_WATCH_KEY, readKeywordWatchList } from '../shared/keyword-watch-list';
import { createMessenger } from '../shared/messenger';
import { showKeywordPrompt } from './keyword-prompt';

const send = createMessenger((envelope) => chrome.runtime.sendMessage(envelope));
const MAX_URL = 2048;

type Where = 'search' | 'title';

function watch(matcher: KeywordMatcher): void {
  // Per page: each keyword is reported once for each address, and the prompt shown once.
  const reported = new Set<string>();
  const prompted = new Set<string>();
  let seenUrl = '';
  let seenTitle: string | null = null;

  const check = () => {
    const url = location.href;
    const title = document.title;
    if (url === seenUrl && title === seenTitle) return;
    const found: { keyword: string; where: Where }[] = [];
    if (url !== seenUrl) {
      for (const term of searchTerms(url)) {
        for (const keyword of matcher.find(term)) found.push({ keyword, where: 'search' });
      }
    }
    if (title !== seenTitle) {
      for (const keyword of matcher.find(title)) found.push({ keyword, where: 'title' });
    }
    seenUrl = url;
    seenTitle = title;
    const fresh = found.filter(({ keyword }) => {
      const key = `${keyword}\n${url}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    for (const { keyword, where } of fresh) {
      void send('content.keywordMatch', { keyword, where, url: url.slice(0, MAX_URL) }).catch(
        () => undefined,
      );
    }
    if (!prompted.has(url)) {
      prompted.add(url);
      showKeywordPrompt(() => send('content.flag', {}).then(() => undefined));
    }
  };

  check();
  // A title change (a single-page app's new search, say) is seen in the head alone, so the
  // rest of the page's changes cost nothing.
  const head = document.head;
  if (head) {
    new MutationObserver(check).observe(head, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }
  addEventListener('popstate', check);
}

function start(): void {
  chrome.storage.local.get(KEYWORD_WATCH_KEY).then(
    (stored) => {
      const keywords = readKeywordWatchList(stored[KEYWORD_WATCH_KEY]);
      if (keywords.length > 0) watch(createKeywordMatcher(keywords));
    },
    () => undefined,
  );
}

// After the load event, so the page finishes loading before this reads or matches anything.
if (document.readyState === 'complete') start();
else addEventListener('load', () => setTimeout(start, 0), { once: true });
