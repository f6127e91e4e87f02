// The prompts' module: everything the prompts script (content/prompts.ts) does after a pupil's
// action. The settings reader, each feature's decision (the Zip It detectors, Block It's link
// checks, the copy reminder's word count), and the drawing: Preact, the prompt layer and every
// view. Not a content script of its own: the prompts script loads it with import() when an
// action may need it, reading it ahead on the earliest cheap sign of one
// (content/prompts/prompt-loader.ts), so pages where nothing happens never parse it. Built as
// one ES module (shared/classic-content-scripts.ts) and listed in web_accessible_resources,
// which a content script's import() needs.
import { h } from 'preact';
import type { KeyStage } from '../shared/policy-model';
import type { ShowOptions } from './prompts/prompt-feature';
import { showPrompt } from './prompts/prompt-layer';
import type { PromptViewName, PromptViewProps, ViewBase } from './prompts/prompt-views';
import { VIEWS } from './prompts/view-registry';

export function showView<N extends PromptViewName>(
  view: N,
  props: PromptViewProps[N],
  keyStage: KeyStage,
  options: ShowOptions,
  signal: AbortSignal,
): () => void {
  const component = VIEWS[view] as (props: ViewBase) => ReturnType<typeof h>;
  const base = props as object;
  return showPrompt((close) => h(component, { ...base, keyStage, close }), options, signal);
}

// Each feature's work after the pupil's action, and the settings reader.
export { readPromptConfig } from '../shared/prompt-config';
export { createZipItCheck } from './prompts/zip-it/zip-it-check';
export { createBlockItCheck } from './prompts/block-it/block-it-decide';
export { followHowToBlock } from './prompts/block-it/how-to-block-follow';
export { remindCopy } from './prompts/copyright/copy-remind';
