// What the prompts content script (Zip It, Block It, copyright) needs to know about this pupil
// and school: one storage.local key, written by the worker whenever the policy changes
// (background/prompts/prompt-config.ts). The content script checks the shape by hand rather
// than with zod, which would load on every web page.
import { MESSAGING_PLATFORM_IDS } from './messaging-platforms';
import type { KeyStage } from './policy-model';
import { FALLBACK_ZIP_IT_CONFIG, readZipItConfig, type ZipItConfig } from './zip-it/zip-it-config';

/** storage.local key; background/storage-keys.ts lists it with the worker's other keys. */
export { PROMPT_CONFIG_KEY } from './prompt-config-key';

/** Words copied from one page before the "say where you found it" reminder. */
export const DEFAULT_COPY_WORD_LIMIT = 40;
/** The range a school may set the limit in (managed key `copyWordLimit`); read below too. */
export const MIN_COPY_WORD_LIMIT = 5;
export const MAX_COPY_WORD_LIMIT = 10_000;

export interface PromptConfig {
  /** KS1 wording is pictorial; KS2 explains why. */
  keyStage: KeyStage;
  copyWordLimit: number;
  /**
   * Block It: the messaging platforms the school uses (ids from shared/messaging-platforms.ts),
   * whose message areas are known and whose pages offer "how to block someone here".
   */
  messagingPlatforms: readonly string[];
  /** Zip It: where it stays quiet, where passwords belong, whose name and school to look for. */
  zipIt: ZipItConfig;
}

/** The strictest reading: KS1 words, the default limit. Used until the worker has written one. */
export const FALLBACK_PROMPT_CONFIG: PromptConfig = {
  keyStage: 'ks1',
  copyWordLimit: DEFAULT_COPY_WORD_LIMIT,
  messagingPlatforms: MESSAGING_PLATFORM_IDS,
  zipIt: FALLBACK_ZIP_IT_CONFIG,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the stored config; anything missing or malformed falls back field by field. */
export function readPromptConfig(value: unknown): PromptConfig {
  if (!isRecord(value)) return FALLBACK_PROMPT_CONFIG;
  const keyStage = value.keyStage === 'ks2' ? 'ks2' : 'ks1';
  const limit = value.copyWordLimit;
  const copyWordLimit =
    typeof limit === 'number' && Number.isInteger(limit) && limit >= 5 && limit <= 10_000
      ? limit
      : DEFAULT_COPY_WORD_LIMIT;
  return {
    keyStage,
    copyWordLimit,
    messagingPlatforms: readPlatforms(value.messagingPlatforms),
    zipIt: readZipItConfig(value.zipIt),
  };
}

/** Known platform ids only; anything but a list means the default, every platform. */
function readPlatforms(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return MESSAGING_PLATFORM_IDS;
  return MESSAGING_PLATFORM_IDS.filter((id) => value.includes(id));
}
