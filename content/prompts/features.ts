// Every prompt feature the prompts script starts on a page, in order.
import type { PromptFeature } from './prompt-feature';
import { zipIt } from './zip-it/zip-it-feature';

export const PROMPT_FEATURES: readonly PromptFeature[] = [zipIt];
