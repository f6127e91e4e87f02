// The device's link to the classroom hub: enrol with the school's token and the pupil's
// account, hold one WebSocket open, store what the hub sends (the lesson, and the key stage,
// school sites, grants and answers of its snapshots), and confirm back once each is enforced.
// While the hub is unreachable the last enforced policy stays (fail closed), and a lesson or a
// grant still ends on the device's own alarm.
import browser from 'webextension-polyfill';
import type { HubToDevice, Snapshot } from '../../shared/hub-protocol';
import type { ManagedFields } from '../../shared/managed-policy';
import { readLesson, storeLesson } from '../lesson-store';
import { announceAnswer } from '../page-events';
import { applyHubAnswers } from '../visit-requests';
import { hubAddress } from './hub-address';
import { deviceToken, forgetEnrolment } from './hub-device';
import { closeSocket, openSocket, sendToHub, socketIsOpen, TOKEN_REFUSED } from './hub-socket';
import { dropHubState, hubStillConfigured, readHubState, storeHubState } from './hub-state';
import { startSiteReports, stopSiteReports } from './site-report';
import { sendHealth } from '../health/health-report';

/** Re-checks the connection every minute, whatever woke the worker or closed the socket. */
export const HUB_WATCHDOG_ALARM = 'hub-watchdog';
const MAX_RETRY_MS = 60_000;

let retryMs = 1_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let policyChanged: () => Promise<unknown> | void = () => undefined;
let hubOpened: () => void = () => undefined;

/**
 * Main tells the client how to rebuild the rules after the hub changes the policy; the client
 * waits for it, so an answer reaches the pupil only once its grant is enforced.
 */
export function onPolicyChange(enforce: () => Promise<unknown> | void): void {
  policyChanged = enforce;
}

/** Main tells the client what to do once the hub is reachable (send the outbox). */
export function onHubOpen(opened: () => void): void {
  hubOpened = opened;
}

async function applySnapshot(snapshot: Snapshot, hubUrl: string): Promise<void> {
  // Converge on the hub's view after any gap: its lesson (or none), key stage, sites, grants.
  await storeLesson(snapshot.lesson);
  await storeHubState(hubUrl, snapshot);
  await policyChanged();
  // Only now, with any grant in DNR, may a block page say "yes" and offer to open the page.
  for (const request of await applyHubAnswers(snapshot.answers)) await announceAnswer(request);
}

/** What the device does with each message from the hub (pings are answered by the socket). */
export async function handleHubMessage(message: HubToDevice, hubUrl: string): Promise<void> {
  if (message.type === 'snapshot') {
    await applySnapshot(message.snapshot, hubUrl);
    return;
  }
  if (message.type === 'lesson.start') {
    await storeLesson(message.lesson);
  } else if (message.type === 'lesson.end') {
    if ((await readLesson())?.id === message.lessonId) await storeLesson(null);
  }
  await policyChanged();
}

/**
 * Drops what a hub said once the school stops naming it in managed policy (or names another):
 * its grants and lesson must not linger on a device that no longer hears from it.
 */
export async function forgetRemovedHub(managed: ManagedFields): Promise<void> {
  if (!managed.hubUrl || !managed.enrolmentToken) closeSocket();
  const state = await readHubState();
  if (!state || hubStillConfigured(state, managed)) return;
  closeSocket();
  await dropHubState();
  await storeLesson(null);
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void connectToHub(), retryMs);
  retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
}

/** Opens the hub connection if the school has configured a hub and a pupil is signed in. */
export async function connectToHub(): Promise<void> {
  if (socketIsOpen()) return;
  const address = await hubAddress();
  if (!address) return;
  const { hubUrl } = address;
  let token: string;
  try {
    token = await deviceToken(hubUrl, address.enrolmentToken, address.email);
  } catch (error) {
    console.warn('Hub enrolment failed; retrying later', error);
    scheduleRetry();
    return;
  }
  openSocket(hubUrl, token, {
    onOpen: () => {
      startSiteReports();
      // The hub shows protection from health reports, so it hears one at once.
      void sendHealth().catch((error) => console.warn('Health report', error));
      hubOpened();
    },
    onMessage: async (message) => {
      retryMs = 1_000;
      await handleHubMessage(message, hubUrl);
    },
    onClose: (code) => {
      stopSiteReports();
      if (code === TOKEN_REFUSED) void forgetEnrolment();
      scheduleRetry();
    },
  });
}

/**
 * The pupil signed in, out or as someone else: a socket open as the last pupil is closed (its
 * close schedules the reconnect, which enrols as whoever is signed in now, or nobody), and a
 * device with no socket tries at once.
 */
export async function reconnectForIdentity(): Promise<void> {
  if (socketIsOpen()) closeSocket('The pupil signed in or out.');
  else await connectToHub();
}

/** Tells the hub what this device now enforces: the lesson id (or none) and the rules' hash. */
export function reportEnforcing(lessonId: string | null, policyHash: string): void {
  sendToHub({ type: 'lesson.enforcing', lessonId, policyHash });
}

export async function startHubWatchdog(): Promise<void> {
  await browser.alarms.create(HUB_WATCHDOG_ALARM, { periodInMinutes: 1 });
}
