// Loads the prompts' module (content/prompts-module.tsx) once, when a pupil's action first may
// need it. A content script's import() of a web-accessible extension file runs in the content
// script's own world, so the module shares this script's globals and the prompt's callbacks.
import { PROMPTS_MODULE_PATH } from '../../shared/classic-content-scripts';

export type PromptsModule = typeof import('../prompts-module');

let loading: Promise<PromptsModule> | null = null;

export function loadPromptsModule(): Promise<PromptsModule> {
  if (loading) return loading;
  const started = import(
    /* @vite-ignore */ chrome.runtime.getURL(PROMPTS_MODULE_PATH)
  ) as Promise<PromptsModule>;
  loading = started;
  // A failed load (the extension was updated under the page) may be tried again.
  started.catch(() => {
    if (loading === started) loading = null;
  });
  return started;
}
