// The device's keyword list as the worker hands it to the keyword-watch content script: one
// storage.local key, written by the worker whenever the list changes. The content script checks
// the shape by hand rather than with zod, which would load on every web page it watches.

/** storage.local key; background/storage-keys.ts lists it with the worker's other keys. */
export const KEYWORD_WATCH_KEY = 'keywordWatchList';

export function readKeywordWatchList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.length <= 100);
}
