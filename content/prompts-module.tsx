// The prompts' drawing module: Preact, the prompt layer and every view. Not a content script of
// its own: the prompts script loads it with import() the first time a prompt is shown
// (content/prompts/prompt-loader.ts), so pages that never show a prompt never parse it. Built as
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

// Block It's "How to block someone here" help, which stays while prompts come and go.
export { howToBlockHelp } from './prompts/block-it/how-to-block-view';
