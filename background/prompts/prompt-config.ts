// Writes what the prompts content script needs (shared/prompt-config.ts) from the effective
// policy, whenever it may have changed. Only what differs is written, so a policy event that
// changes nothing here costs one read.
import browser from 'webextension-polyfill';
import { PROMPT_CONFIG_KEY, readPromptConfig, type PromptConfig } from '../../shared/prompt-config';
import type { EffectivePolicy } from '../../shared/effective-policy';
import type { ManagedFields } from '../../shared/managed-policy';
import { readManagedState } from '../policy-store';
import { deviceZipItConfig } from './zip-it-config';

/** The parts read from this device's stores rather than the policy (syncPromptConfig adds them). */
type DeviceParts = 'zipIt';

export function promptConfigFor(
  policy: EffectivePolicy,
  managed: ManagedFields = {},
): Omit<PromptConfig, DeviceParts> {
  const fallback = readPromptConfig(undefined);
  return {
    keyStage: policy.keyStage,
    copyWordLimit: managed.copyWordLimit ?? fallback.copyWordLimit,
    messagingPlatforms: managed.messagingPlatforms ?? fallback.messagingPlatforms,
  };
}

export async function syncPromptConfig(policy: EffectivePolicy): Promise<void> {
  const managed = await readManagedState();
  const next: PromptConfig = {
    ...promptConfigFor(policy, managed.fields),
    zipIt: await deviceZipItConfig(managed.fields),
  };
  const stored = await browser.storage.local.get(PROMPT_CONFIG_KEY);
  if (JSON.stringify(stored[PROMPT_CONFIG_KEY]) === JSON.stringify(next)) return;
  await browser.storage.local.set({ [PROMPT_CONFIG_KEY]: next });
}
