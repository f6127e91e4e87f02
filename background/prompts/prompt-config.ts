// Writes what the prompts content script needs (shared/prompt-config.ts) from the effective
// policy, whenever it may have changed. Only what differs is written, so a policy event that
// changes nothing here costs one read.
import browser from 'webextension-polyfill';
import { PROMPT_CONFIG_KEY, readPromptConfig, type PromptConfig } from '../../shared/prompt-config';
import type { EffectivePolicy } from '../../shared/effective-policy';
import { deviceZipItConfig } from './zip-it-config';

/** The parts read from this device's stores rather than the policy (syncPromptConfig adds them). */
type DeviceParts = 'zipIt';

export function promptConfigFor(policy: EffectivePolicy): Omit<PromptConfig, DeviceParts> {
  return {
    keyStage: policy.keyStage,
    copyWordLimit: readPromptConfig(undefined).copyWordLimit,
  };
}

export async function syncPromptConfig(policy: EffectivePolicy): Promise<void> {
  const next: PromptConfig = {
    ...promptConfigFor(policy),
    zipIt: await deviceZipItConfig(),
  };
  const stored = await browser.storage.local.get(PROMPT_CONFIG_KEY);
  if (JSON.stringify(stored[PROMPT_CONFIG_KEY]) === JSON.stringify(next)) return;
  await browser.storage.local.set({ [PROMPT_CONFIG_KEY]: next });
}
