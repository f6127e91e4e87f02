// The device's link to the classroom hub: enrol with the school's token and the pupil's
// account, hold one WebSocket open, store the lessons the hub sends, and confirm back once
// each is enforced. While the hub is unreachable the last enforced policy stays (fail closed),
// and a lesson still ends on the device's own alarm.
import browser from 'webextension-polyfill';
import type { HubToDevice } from '../../shared/hub-protocol';
import { readLesson, storeLesson } from '../lesson-store';
import { readManagedState } from '../policy-store';
import { deviceToken, forgetEnrolment } from './hub-device';
import { openSocket, sendToHub, socketIsOpen, TOKEN_REFUSED } from './hub-socket';
import { pupilEmail } from './identity';

/** Re-checks the connection every minute, whatever woke the worker or closed the socket. */
export const HUB_WATCHDOG_ALARM = 'hub-watchdog';
const MAX_RETRY_MS = 60_000;

let retryMs = 1_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let lessonChanged: () => void = () => undefined;

/** Main tells the client how to rebuild the rules after a lesson arrives or ends. */
export function onLessonChange(enforce: () => void): void {
  lessonChanged = enforce;
}

/** What the device does with each message from the hub (pings are answered by the socket). */
export async function handleHubMessage(message: HubToDevice): Promise<void> {
  if (message.type === 'snapshot') {
    // Converge on the hub's view after any gap: its lesson, or none.
    await storeLesson(message.snapshot.lesson);
  } else if (message.type === 'lesson.start') {
    await storeLesson(message.lesson);
  } else if (message.type === 'lesson.end') {
    if ((await readLesson())?.id === message.lessonId) await storeLesson(null);
  }
  lessonChanged();
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void connectToHub(), retryMs);
  retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
}

/** Opens the hub connection if the school has configured a hub and a pupil is signed in. */
export async function connectToHub(): Promise<void> {
  if (socketIsOpen()) return;
  const { hubUrl, enrolmentToken } = (await readManagedState()).fields;
  if (!hubUrl || !enrolmentToken) return;
  const email = await pupilEmail();
  if (!email) return;
  let token: string;
  try {
    token = await deviceToken(hubUrl, enrolmentToken, email);
  } catch (error) {
    console.warn('Hub enrolment failed; retrying later', error);
    scheduleRetry();
    return;
  }
  openSocket(hubUrl, token, {
    onMessage: async (message) => {
      retryMs = 1_000;
      await handleHubMessage(message);
    },
    onClose: (code) => {
      if (code === TOKEN_REFUSED) void forgetEnrolment();
      scheduleRetry();
    },
  });
}

/** Tells the hub what this device now enforces: the lesson id (or none) and the rules' hash. */
export function reportEnforcing(lessonId: string | null, policyHash: string): void {
  sendToHub({ type: 'lesson.enforcing', lessonId, policyHash });
}

export async function startHubWatchdog(): Promise<void> {
  await browser.alarms.create(HUB_WATCHDOG_ALARM, { periodInMinutes: 1 });
}
