// The component for each prompt view (content/prompts/prompt-views.ts names them). Only the
// drawing module imports this, so no component is in the small script every page runs.
import type { ComponentType } from 'preact';
import type { PromptViewName, PromptViewProps, ViewBase } from './prompt-views';
import { ZipItCard } from './zip-it/zip-it-card';

export const VIEWS: { [N in PromptViewName]: ComponentType<PromptViewProps[N] & ViewBase> } = {
  'zip-it': ZipItCard,
};
