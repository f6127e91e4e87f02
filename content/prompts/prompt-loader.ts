// Loads the prompts' drawing module (content/prompts-ui.tsx) once, on the first prompt. A
// content script's import() of a web-accessible extension file runs in the content script's
// own world, so the module shares this script's globals and the prompt's callbacks.
import { PROMPTS_UI_PATH } from '../../shared/classic-content-scripts';

type PromptsUi = typeof import('../prompts-ui');

let loading: Promise<PromptsUi> | null = null;

export function loadPromptsUi(): Promise<PromptsUi> {
  loading ??= import(
    /* @vite-ignore */ chrome.runtime.getURL(PROMPTS_UI_PATH)
  ) as Promise<PromptsUi>;
  // A failed load (the extension was updated under the page) may be tried again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
