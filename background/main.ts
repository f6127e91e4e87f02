// The service worker's entry. Every listener is registered synchronously here, at the top
// level, so Chrome can wake the worker for any of them; each waits on the one `ready` promise
// before it touches policy. No state that matters lives in globals.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  adminAddEntries,
  adminAnswerRequest,
  adminChangePin,
  adminEndImageSearchLift,
  adminGetState,
  adminLiftImageSearch,
  adminLock,
  adminRemoveEntry,
  adminSetFirstPin,
  adminSetKeyStage,
  adminStatus,
  adminUnlock,
} from './admin-handlers';
import { LIFT_ALARM, recordLiftExpired } from './image-search-lift';
import { LESSON_END_ALARM, scheduleLessonEnd } from './lesson-store';
import {
  connectToHub,
  HUB_WATCHDOG_ALARM,
  onLessonChange,
  reportEnforcing,
  startHubWatchdog,
} from './hub-link/hub-client';
import { TEST_PUPIL_EMAIL_KEY } from './hub-link/identity';
import { createMessageRouter } from './message-router';
import {
  blockPageIfBlocked,
  checkHistoryUpdate,
  HISTORY_FILTER,
  sweepOpenTabs,
} from './navigation-backstop';
import { refreshManagedState } from './policy-store';
import { currentPolicy, syncRules } from './rule-sync';
import { LOCAL_KEYS } from './storage-keys';
import { storeVisitRequest } from './visit-requests';

/** Installs the stored policy and sends any open tab it no longer allows to the block page. */
async function enforce(options: { force?: boolean } = {}): Promise<void> {
  const record = await syncRules(options);
  const { lesson } = (await currentPolicy()).policy;
  await scheduleLessonEnd(lesson);
  // Only now, with the rules in DNR, does the hub hear that this device enforces the lesson.
  if (record && !record.lastError) reportEnforcing(lesson?.id ?? null, record.policyHash);
  await sweepOpenTabs();
}

/** Reads managed policy and makes sure the installed rules match the stored policy. */
async function start(force: boolean): Promise<void> {
  try {
    await refreshManagedState();
    await enforce({ force });
    await startHubWatchdog();
    await connectToHub();
  } catch (error) {
    // The last installed rules (or, on a fresh install, the static failsafe) stay in force.
    console.error('Start-up failed; the previous rules stay in force.', error);
  }
}

// A wake has nothing to redo: installed DNR rules persist while the worker sleeps, and every
// change that could alter them (install, update, browser start, a managed or settings change)
// arrives as an event below. Recompiling on each wake would make a large list stall every
// message and backstop check behind it. Install, update and browser start force a reinstall,
// since a changed compiler must replace rules an older version installed.
let ready: Promise<void> = Promise.resolve();

/** Rebuilds the rules after the hub starts or ends a lesson (hub-link/hub-client.ts). */
onLessonChange(() => void whenReady(() => enforce()));
// Every wake reconnects to the hub if the school has one; the hub's snapshot converges.
void ready.then(() => connectToHub()).catch((error) => console.warn('Hub connection', error));

const whenReady = (work: () => Promise<unknown>) => {
  ready = ready
    .catch(() => undefined)
    .then(work)
    .then(() => undefined);
  return ready;
};

browser.runtime.onInstalled.addListener(() => void whenReady(() => start(true)));
browser.runtime.onStartup.addListener(() => void whenReady(() => start(true)));

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') void whenReady(() => start(false));
  else if (area === 'local' && (LOCAL_KEYS.settings in changes || LOCAL_KEYS.lesson in changes)) {
    void whenReady(() => enforce());
  }
  // Test builds only: the e2e test names its pupil after start-up (hub-link/identity.ts).
  if (__TEST__ && area === 'local' && TEST_PUPIL_EMAIL_KEY in changes) {
    void whenReady(() => connectToHub());
  }
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === LIFT_ALARM) {
    void whenReady(async () => {
      await recordLiftExpired();
      await enforce();
    });
  } else if (alarm.name === HUB_WATCHDOG_ALARM) {
    void whenReady(() => connectToHub());
  } else if (alarm.name === LESSON_END_ALARM) {
    // The lesson's own times say it is over; rebuilding the rules drops it.
    void whenReady(() => enforce());
  }
});

// Only history updates: a listener on every committed page woke the worker on each page load
// and made allowed pages measurably slower, so committed pages are left to the backstop
// content script, which allowed pages never load.
browser.webNavigation.onHistoryStateUpdated.addListener(
  (details) =>
    void ready.then(() => checkHistoryUpdate(details)).catch((error) => console.error(error)),
  HISTORY_FILTER,
);

const route = createMessageRouter(
  {
    'admin.status': adminStatus,
    'admin.setFirstPin': adminSetFirstPin,
    'admin.unlock': adminUnlock,
    'admin.lock': adminLock,
    'admin.changePin': adminChangePin,
    'admin.getState': adminGetState,
    'admin.addEntries': adminAddEntries,
    'admin.removeEntry': adminRemoveEntry,
    'admin.setKeyStage': adminSetKeyStage,
    'admin.answerRequest': adminAnswerRequest,
    'admin.liftImageSearch': adminLiftImageSearch,
    'admin.endImageSearchLift': adminEndImageSearchLift,
    'content.backstopVerdict': async ({ url }) => ({ blockPage: await blockPageIfBlocked(url) }),
    'pupil.askToVisit': async ({ url, reason }) => {
      const request = await storeVisitRequest(url, reason);
      return { id: request.id, storedOnDevice: true };
    },
  },
  () => ready,
);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);
