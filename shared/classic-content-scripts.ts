// Content scripts built as one classic (non-module) file each, outside crxjs, and where the
// build puts them. crxjs turns a content script into a loader that imports an ES module graph
// from the extension at run time; for a script that runs on every page, allowed ones included,
// that module loading was a measurable share of each page load (`npm run bench`). A classic
// file is read and run at once. vite.config.ts builds them; the worker registers them by path.
export const CLASSIC_CONTENT_SCRIPTS = {
  'keyword-watch': 'content/keyword-watch.ts',
  prompts: 'content/prompts.ts',
} as const;

export type ClassicContentScript = keyof typeof CLASSIC_CONTENT_SCRIPTS;

export const classicContentScriptPath = (name: ClassicContentScript): string =>
  `content-scripts/${name}.js`;

/**
 * The prompts' drawing module (content/prompts-ui.tsx): one ES module, built beside the classic
 * scripts, that the prompts script imports only when it first shows a prompt.
 */
export const PROMPTS_UI_ENTRY = 'content/prompts-ui.tsx';
export const PROMPTS_UI_PATH = 'content-scripts/prompts-ui.js';
