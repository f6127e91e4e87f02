// One alarm at the next moment the policy changes by itself: a lesson starting or ending, or a
// teacher's grant running out. Alarms outlive the worker, so the change happens on time on the
// device alone, even offline; the alarm only rebuilds the rules, which drop whatever is over.
import browser from 'webextension-polyfill';

export const POLICY_CHANGE_ALARM = 'policy-changes';

/** Keeps the alarm in step with the policy in force (`changesAt` from rule-sync.ts). */
export async function schedulePolicyChange(changesAt: string | null): Promise<void> {
  if (!changesAt) {
    await browser.alarms.clear(POLICY_CHANGE_ALARM);
    return;
  }
  // A second late, so the rebuild sees the change as past whatever the clocks' rounding.
  await browser.alarms.create(POLICY_CHANGE_ALARM, { when: Date.parse(changesAt) + 1_000 });
}
