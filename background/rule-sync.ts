// Keeps the installed dynamic rules in step with the policy. Every update goes through the
// serial queue; a policy that can't compile leaves the last good rules in force.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import {
  buildEffectivePolicy,
  nextPolicyChange,
  type EffectivePolicy,
} from '../shared/effective-policy';
import { compileRules, hashRules } from '../shared/rule-compiler';
import { createUrlJudge, type UrlJudge } from '../shared/url-verdict';
import { syncBackstopScript } from './backstop-script';
import { blockPageBase } from './block-page-url';
import { dnr } from './chrome-adapter';
import { pupilIdentity } from './hub-link/identity';
import { hubStateFor } from './hub-link/hub-state';
import { readLesson } from './lesson-store';
import { readPolicy } from './policy-store';
import { runSerially } from './serial-queue';
import { LOCAL_KEYS } from './storage-keys';

export const enforcementSchema = z.object({
  ruleCount: z.number(),
  appliedAt: z.string(),
  policyHash: z.string(),
  keyStage: z.string(),
  /** Set when the newest policy could not be installed; the previous rules stay. */
  lastError: z.string().nullable(),
});
export type EnforcementRecord = z.infer<typeof enforcementSchema>;

interface CurrentPolicy {
  policy: EffectivePolicy;
  judge: UrlJudge;
  /** When this policy changes by itself (a lesson's start or end, a grant's end), if ever. */
  changesAt: string | null;
}

// A cache of what storage already holds, rebuilt on demand after the worker wakes.
let current: CurrentPolicy | null = null;

export async function readEnforcement(): Promise<EnforcementRecord | null> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.enforcement);
  const parsed = enforcementSchema.safeParse(stored[LOCAL_KEYS.enforcement]);
  return parsed.success ? parsed.data : null;
}

async function loadCurrent(): Promise<CurrentPolicy> {
  const [{ settings, managed }, lesson, identity] = await Promise.all([
    readPolicy(),
    readLesson(),
    pupilIdentity(),
  ]);
  const hub = await hubStateFor(managed.fields);
  const now = new Date();
  const policy = buildEffectivePolicy(settings, managed.fields, now, lesson, hub, identity);
  return { policy, judge: createUrlJudge(policy), changesAt: nextPolicyChange(lesson, hub, now) };
}

export async function currentPolicy(): Promise<CurrentPolicy> {
  current ??= await loadCurrent();
  return current;
}

/**
 * Compiles the stored policy and installs it. Unless `force` is set, an identical rule set
 * that is already installed is left alone, so repeated change events cost one hash.
 */
export function syncRules(options: { force?: boolean } = {}): Promise<EnforcementRecord | null> {
  return runSerially(async () => {
    const next = await loadCurrent();
    const previous = await readEnforcement();
    let compiled;
    try {
      compiled = compileRules(next.policy, { blockPageUrl: blockPageBase() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error('Policy not installed; the previous rules stay in force.', error);
      if (previous) {
        const record = { ...previous, lastError: message };
        await browser.storage.local.set({ [LOCAL_KEYS.enforcement]: record });
        return record;
      }
      return null;
    }
    const policyHash = hashRules(compiled.rules);
    if (!options.force && previous?.policyHash === policyHash && !previous.lastError) {
      current = next;
      return previous;
    }
    await dnr.replaceDynamicRules(compiled.rules);
    await syncBackstopScript(next.policy);
    current = next;
    const record: EnforcementRecord = {
      ruleCount: compiled.counts.total,
      appliedAt: new Date().toISOString(),
      policyHash,
      keyStage: next.policy.keyStage,
      lastError: null,
    };
    await browser.storage.local.set({ [LOCAL_KEYS.enforcement]: record });
    return record;
  });
}
