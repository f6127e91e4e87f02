// Shows one named prompt view (prompt-views.ts) in the page's prompt layer, in the pupil's key
// stage's words and pictures.
import { h } from 'preact';
import type { KeyStage } from '../../shared/policy-model';
import type { ShowOptions } from './prompt-feature';
import { showPrompt } from './prompt-layer';
import type { PromptViewName, PromptViewProps, ViewBase } from './prompt-views';
import { VIEWS } from './view-registry';

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
