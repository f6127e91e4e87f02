// The component for each prompt view (content/prompts/prompt-views.ts names them). Only the
// prompts' module imports this, so no component is in the small script every page runs.
import type { ComponentType } from 'preact';
import { BlockItCard } from './block-it/block-it-card';
import { CitationCard } from './copyright/citation-card';
import { ImageReminderCard } from './copyright/image-reminder-card';
import type { PromptViewName, PromptViewProps, ViewBase } from './prompt-views';
import { ZipItCard } from './zip-it/zip-it-card';

export const VIEWS: { [N in PromptViewName]: ComponentType<PromptViewProps[N] & ViewBase> } = {
  'block-it': BlockItCard,
  'copyright-citation': CitationCard,
  'copyright-image': ImageReminderCard,
  'zip-it': ZipItCard,
};
