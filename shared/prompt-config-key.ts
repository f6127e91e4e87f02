// The storage.local key of the prompts' config (shared/prompt-config.ts), on its own so the
// prompts script, which every page parses, takes the key without the config's reader.
export const PROMPT_CONFIG_KEY = 'promptConfig';
