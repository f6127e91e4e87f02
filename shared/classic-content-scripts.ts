// Content scripts built as one classic (non-module) file each, outside crxjs, and where the
// build puts them. crxjs turns a content script into a loader that imports an ES module graph
// from the extension at run time; for a script that runs on every page, allowed ones included,
// that module loading was a measurable share of each page load (`npm run bench`). A classic
// file is read and run at once. vite.config.ts builds them; the worker registers or injects
// them by path.
export const CLASSIC_CONTENT_SCRIPTS = {
  /** Injected by the worker only into a page that matched a school keyword. */
  'keyword-prompt': 'content/keyword-prompt-entry.ts',
  prompts: 'content/prompts.ts',
  'block-help': 'content/block-help.ts',
} as const;

export type ClassicContentScript = keyof typeof CLASSIC_CONTENT_SCRIPTS;

export const classicContentScriptPath = (name: ClassicContentScript): string =>
  `content-scripts/${name}.js`;

/**
 * The prompts' module (content/prompts-module.tsx): one ES module, built beside the classic
 * scripts, holding everything the prompts script does after a pupil's action (the detectors,
 * the decisions, the drawing). The prompts script imports it only when an action may need it.
 */
export const PROMPTS_MODULE_ENTRY = 'content/prompts-module.tsx';
export const PROMPTS_MODULE_PATH = 'content-scripts/prompts-module.js';
