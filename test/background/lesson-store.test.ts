import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import { readLesson, storeLesson } from '../../background/lesson-store';
import { POLICY_CHANGE_ALARM, schedulePolicyChange } from '../../background/policy-change-alarm';
import { writeSettings } from '../../background/policy-store';
import { currentPolicy, syncRules } from '../../background/rule-sync';
import type { Lesson } from '../../shared/lesson';
import { settingsWith } from '../e2e/support/extension';

let dnr: FakeDnr;
beforeEach(() => {
  dnr = installFakeExtension();
});

const lesson = (minutesFromNow: number): Lesson => ({
  id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
  name: 'Volcanoes',
  mode: 'focus',
  sites: ['volcano.example.org'],
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  endsAt: new Date(Date.now() + minutesFromNow * 60_000).toISOString(),
  teacher: 'Ms Khan',
});

const allowedDomains = () =>
  dnr.rules.flatMap((rule) =>
    rule.action.type === 'allow' ? (rule.condition.requestDomains ?? []) : [],
  );

describe('the lesson on this device', () => {
  it('is enforced once stored, with an alarm for its end, and the class list returns after', async () => {
    await writeSettings(settingsWith({ keyStage: 'ks2', ks2: ['scratch.mit.edu'] }));
    const volcanoes = lesson(30);
    await storeLesson(volcanoes);
    await syncRules();
    expect(allowedDomains()).toEqual(['volcano.example.org']);
    await schedulePolicyChange((await currentPolicy()).changesAt);
    const alarm = await fakeBrowser.alarms.get(POLICY_CHANGE_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse(volcanoes.endsAt) + 1_000);

    await storeLesson(null);
    await syncRules();
    await schedulePolicyChange((await currentPolicy()).changesAt);
    expect(allowedDomains()).toContain('scratch.mit.edu');
    expect(allowedDomains()).not.toContain('volcano.example.org');
    expect(await fakeBrowser.alarms.get(POLICY_CHANGE_ALARM)).toBeUndefined();
  });

  it('refuses to store a lesson that has already ended', async () => {
    await storeLesson(lesson(-5));
    expect(await readLesson()).toBeNull();
  });
});
