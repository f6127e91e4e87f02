import { describe, expect, it } from 'vitest';
import { deviceHealthSchema, unsafeReasons, type RuleFacts } from '../../shared/device-health';
import { deviceToHubSchema } from '../../shared/hub-protocol';

describe('unsafeReasons', () => {
  const installed = (ruleCount: number, lastError: string | null = null) => ({
    ruleCount,
    lastError,
  });
  it.each<[string, RuleFacts, string[]]>([
    [
      'the policy is installed and every rule is in Chrome',
      { installed: installed(12), rulesInChrome: 12 },
      [],
    ],
    ['no policy was ever installed', { installed: null, rulesInChrome: 0 }, ['no-policy']],
    [
      'the newest policy failed',
      { installed: installed(12, 'too many rules'), rulesInChrome: 12 },
      ['rules-not-installed'],
    ],
    ['some rules were removed', { installed: installed(12), rulesInChrome: 3 }, ['rules-missing']],
    ['every rule was removed', { installed: installed(12), rulesInChrome: 0 }, ['rules-missing']],
    [
      'failed, and rules gone',
      { installed: installed(12, 'x'), rulesInChrome: 0 },
      ['rules-not-installed', 'rules-missing'],
    ],
  ])('%s', (_name, facts, reasons) => {
    expect(unsafeReasons(facts)).toEqual(reasons);
  });
});

const health = {
  deviceId: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
  policyHash: 'abc123',
  appliedAt: '2026-03-02T10:00:00.000Z',
  keyStage: 'ks2',
  keyStageSource: 'hub',
  lists: { keyStage: 7, starter: false, alwaysBlocked: 1, imageSources: 2, lesson: 0 },
  ruleCount: 12,
  expectedRuleCount: 12,
  incognitoAllowed: false,
  signedIn: true,
  lastHubContact: null,
  lastError: null,
  unsafe: [],
};

describe('the health message', () => {
  it('accepts a report and refuses one with a field out of shape', () => {
    expect(deviceToHubSchema.safeParse({ type: 'health', health }).success).toBe(true);
    for (const bad of [
      { ...health, deviceId: 'x' },
      { ...health, ruleCount: -1 },
      { ...health, unsafe: ['feeling-lucky'] },
      { ...health, keyStage: 'ks3' },
      { ...health, lastError: 'x'.repeat(301) },
      { ...health, lists: { ...health.lists, keyStage: 1.5 } },
    ]) {
      expect(deviceHealthSchema.safeParse(bad).success).toBe(false);
    }
  });
});
