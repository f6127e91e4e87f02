// The prompts' module: everything the prompts script (content/prompts.ts) does after a moment
// that may need a prompt. The features (Zip It, Block It, the copyright reminders), the school's
// settings, and the drawing: Preact, the prompt layer and every view. Not a content script of
// its own: the prompts script loads it with import() on the first such moment
// (content/prompts/prompt-loader.ts), so pages where nothing happens never parse it, and the
// how-to-block help script (content/block-help.ts) loads it on the messaging platforms' pages.
// Built as one ES module (shared/classic-content-scripts.ts) and listed in
// web_accessible_resources, which a content script's import() needs.
export { startPromptsPage } from './prompts/prompts-page';
export { startHowToBlock } from './prompts/block-it/how-to-block';
