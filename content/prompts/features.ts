// Every prompt feature the prompts script starts on a page, in order.
import { blockIt } from './block-it/block-it';
import { howToBlock } from './block-it/how-to-block';
import { copyReminder } from './copyright/copy-reminder';
import { imageReminder } from './copyright/image-reminder';
import type { PromptFeature } from './prompt-feature';
import { zipIt } from './zip-it/zip-it-feature';

export const PROMPT_FEATURES: readonly PromptFeature[] = [
  zipIt,
  blockIt,
  howToBlock,
  copyReminder,
  imageReminder,
];
