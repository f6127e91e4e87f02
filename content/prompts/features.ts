// Every prompt feature the prompts script starts on a page, in order.
import type { PromptFeature } from './prompt-feature';

export const PROMPT_FEATURES: readonly PromptFeature[] = [];
