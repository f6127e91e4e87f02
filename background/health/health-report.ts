// The device's health report (shared/device-health.ts), built from what the device holds and
// what Chrome says, and sent over the hub socket: when it opens, after every enforcement and on
// a one-minute alarm. Nothing is kept between reports: each is read afresh, so a worker that
// stopped and woke reports the same as one that stayed up.
import browser from 'webextension-polyfill';
import { unsafeReasons, type DeviceHealth } from '../../shared/device-health';
import { listView } from '../../shared/effective-policy';
import { dnr, incognitoAccess } from '../chrome-adapter';
import { lastHubContact } from '../hub-link/hub-contact';
import { deviceId } from '../hub-link/hub-device';
import { sendToHub, socketIsOpen } from '../hub-link/hub-socket';
import { pupilIdentity } from '../hub-link/identity';
import { readLesson } from '../lesson-store';
import { readPolicy } from '../policy-store';
import { currentPolicy, readEnforcement } from '../rule-sync';

/** Chrome wakes the worker for it every minute while the extension runs. */
export const HEALTH_ALARM = 'hub-health';

export async function startHealthReports(): Promise<void> {
  await browser.alarms.create(HEALTH_ALARM, { periodInMinutes: 1 });
}

/** Reported as text the hub can show; long or multi-line errors are cut to one short line. */
const oneLine = (text: string | null) =>
  text === null ? null : text.replace(/\s+/g, ' ').slice(0, 300);

async function incognitoAllowed(): Promise<boolean> {
  try {
    return await incognitoAccess();
  } catch {
    return false;
  }
}

export async function buildHealth(): Promise<DeviceHealth> {
  const [{ policy }, installed, rules, identity, { settings, managed }, lesson] = await Promise.all(
    [
      currentPolicy(),
      readEnforcement(),
      dnr.getDynamicRules(),
      pupilIdentity(),
      readPolicy(),
      readLesson(),
    ],
  );
  return {
    deviceId: await deviceId(),
    policyHash: installed?.policyHash ?? null,
    appliedAt: installed?.appliedAt ?? null,
    keyStage: policy.keyStage,
    keyStageSource: policy.keyStageSource,
    lists: {
      keyStage: listView(policy.keyStage, settings, managed.fields).entries.length,
      starter: policy.usingStarter,
      alwaysBlocked: policy.block.length,
      imageSources: policy.imageSources.length,
      lesson: policy.lesson && lesson?.id === policy.lesson.id ? lesson.sites.length : 0,
    },
    ruleCount: rules.length,
    expectedRuleCount: installed?.ruleCount ?? null,
    incognitoAllowed: await incognitoAllowed(),
    signedIn: identity.signedIn,
    lastHubContact: await lastHubContact(),
    lastError: oneLine(installed?.lastError ?? null),
    unsafe: unsafeReasons({ installed, rulesInChrome: rules.length }),
  };
}

/** Sends a fresh report if the hub socket is open; false when there is nobody to tell. */
export async function sendHealth(): Promise<boolean> {
  if (!socketIsOpen()) return false;
  return sendToHub({ type: 'health', health: await buildHealth() });
}
