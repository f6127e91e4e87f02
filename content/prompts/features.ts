// Every prompt feature the prompts' page starts, in order.
import { blockIt } from './block-it/block-it';
import { copyReminder } from './copyright/copy-reminder';
import { imageReminder } from './copyright/image-reminder';
import type { PromptFeature } from './prompt-feature';
import { zipIt } from './zip-it/zip-it-feature';

export const PROMPT_FEATURES: readonly PromptFeature[] = [
  zipIt,
  blockIt,
  copyReminder,
  imageReminder,
];
