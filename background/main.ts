// The service worker's entry. Every listener is registered synchronously here, at the top
// level, so Chrome can wake the worker for any of them; each waits on the one `ready` promise
// before it touches policy. No state that matters lives in globals.
import browser, { type Runtime } from 'webextension-polyfill';
import type { FlagSource } from '../shared/flag';
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
import { createFlagMenu, commandTarget, menuTarget } from './flag/flag-menu';
import {
  contentFlag,
  leaveFlagScreen,
  pupilFlag,
  pupilFlagDetails,
  pupilFlagStatus,
} from './flag/flag-handlers';
import { pressFlag } from './flag/flag-press';
import type { FlagTarget } from './flag/flag-target';
import { LIFT_ALARM, recordLiftExpired } from './image-search-lift';
import {
  connectToHub,
  forgetRemovedHub,
  HUB_WATCHDOG_ALARM,
  onHubOpen,
  onPolicyChange,
  reconnectForIdentity,
  reportEnforcing,
  startHubWatchdog,
} from './hub-link/hub-client';
import { HEALTH_ALARM, sendHealth, startHealthReports } from './health/health-report';
import { syncIdentityNote } from './identity-note';
import { TEST_PUPIL_EMAIL_KEY } from './hub-link/identity';
import { removeRetiredWatch, syncKeywordWatch } from './keywords/keyword-watch-sync';
import { forgetClosedTab, watchesChange, watchTabChange } from './keywords/tab-keyword-watch';
import { listenToTabs } from './keywords/tab-listening';
import { createMessageRouter } from './message-router';
import {
  blockPageIfBlocked,
  isAllowed,
  checkHistoryUpdate,
  HISTORY_FILTER,
  sweepOpenTabs,
} from './navigation-backstop';
import { deliverOutboxes, outboxForAlarm } from './outbox/outboxes';
import { flagOutbox } from './outbox/flag-outbox';
import { keywordAlertOutbox } from './outbox/keyword-alert-outbox';
import { deliverOutbox } from './outbox/outbox';
import { visitRequestOutbox } from './outbox/visit-request-outbox';
import { POLICY_CHANGE_ALARM, schedulePolicyChange } from './policy-change-alarm';
import { pupilEventOutbox } from './outbox/pupil-event-outbox';
import { contentPupilEvent } from './pupil-events/pupil-event-handlers';
import { syncPromptConfig } from './prompts/prompt-config';
import { syncPromptsScript } from './prompts/prompts-script';
import { refreshManagedState } from './policy-store';
import { currentPolicy, syncRules } from './rule-sync';
import { LOCAL_KEYS } from './storage-keys';
import { storeVisitRequest, visitRequestStatus } from './visit-requests';
import { downloadEvents, identity } from './chrome-adapter';
import { guardDownload } from './downloads/download-guard';
import { startApprovedDownload } from './downloads/download-pass';
import { storeDownloadRequest } from './downloads/download-requests';
import {
  DEVICE_RETENTION_ALARM,
  scheduleDeviceRetention,
  sweepDeviceRecords,
} from './retention/device-retention';
import { privacyNotice } from './privacy-notice';
import { recordBlockShown } from './filtering/block-shown';
import { leaveProtectionPage, PROTECTION_PAGE_FILTER } from './protection-pages';
import { filteringRecordOutbox } from './outbox/filtering-record-outbox';

/** Installs the stored policy and sends any open tab it no longer allows to the block page. */
async function enforce(options: { force?: boolean } = {}): Promise<void> {
  const record = await syncRules(options);
  const { policy, changesAt } = await currentPolicy();
  const { lesson } = policy;
  await schedulePolicyChange(changesAt);
  // Only now, with the rules in DNR, does the hub hear that this device enforces the lesson.
  if (record && !record.lastError) reportEnforcing(lesson?.id ?? null, record.policyHash);
  await sweepOpenTabs();
  // The keyword list comes from the same places as the policy (managed policy, the hub).
  await syncKeywordWatch();
  await syncPromptConfig(policy);
  await syncPromptsScript();
  await syncIdentityNote(policy);
  // The hub hears at once when what the device enforces changes (a failed install included).
  void sendHealth().catch((error) => console.warn('Health report', error));
}

/** Reads managed policy and makes sure the installed rules match the stored policy. */
async function start(force: boolean): Promise<void> {
  try {
    const managed = await refreshManagedState();
    await forgetRemovedHub(managed.fields);
    await enforce({ force });
    await startHubWatchdog();
    await scheduleDeviceRetention();
    await startHealthReports();
    await connectToHub();
    sendOutbox();
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

/**
 * Sends what waits for the hub once start-up work is done, but outside `ready`: a slow hub
 * must never hold up a message or a backstop check queued behind it.
 */
function sendOutbox(options: { urgent?: boolean } = {}): void {
  void ready
    .catch(() => undefined)
    .then(() => deliverOutboxes(options))
    .catch((error) => console.warn('Outbox', error));
}

/** Rebuilds the rules after the hub changes the policy (hub-link/hub-client.ts). */
onPolicyChange(() => whenReady(() => enforce()));
/** A hub that just opened its socket can take what waited for it. */
onHubOpen(() => sendOutbox({ urgent: true }));
// Every wake reconnects to the hub if the school has one; the hub's snapshot converges.
void ready.then(() => connectToHub()).catch((error) => console.warn('Hub connection', error));

const whenReady = (work: () => Promise<unknown>) => {
  ready = ready
    .catch(() => undefined)
    .then(work)
    .then(() => undefined);
  return ready;
};

browser.runtime.onInstalled.addListener(() => {
  void createFlagMenu().catch((error) => console.error('Flag It menu', error));
  void whenReady(() => start(true));
  // What an older version left behind needs clearing once, not at every enforcement.
  void removeRetiredWatch().catch((error) => console.warn('Retired keyword watch', error));
});
browser.runtime.onStartup.addListener(() => void whenReady(() => start(true)));

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') void whenReady(() => start(false));
  else if (
    area === 'local' &&
    (LOCAL_KEYS.settings in changes ||
      LOCAL_KEYS.lesson in changes ||
      LOCAL_KEYS.hubState in changes)
  ) {
    void whenReady(() => enforce());
  }
  // Test builds only: the e2e test names its pupil after start-up (hub-link/identity.ts).
  if (__TEST__ && area === 'local' && TEST_PUPIL_EMAIL_KEY in changes) {
    void whenReady(identityChanged);
  }
});

/** Who is signed in decides the key stage at a hub school, and which pupil the hub hears from. */
async function identityChanged(): Promise<void> {
  await enforce();
  await reconnectForIdentity();
}
identity.onSignInChanged(() => void whenReady(identityChanged));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === LIFT_ALARM) {
    void whenReady(async () => {
      await recordLiftExpired();
      await enforce();
    });
  } else if (alarm.name === HUB_WATCHDOG_ALARM) {
    void whenReady(() => connectToHub());
    sendOutbox();
  } else if (alarm.name === HEALTH_ALARM) {
    void ready
      .catch(() => undefined)
      .then(() => sendHealth())
      .catch((error) => console.warn('Health report', error));
  } else if (alarm.name === POLICY_CHANGE_ALARM) {
    // A lesson's or a grant's own times say it has begun or is over; a rebuild applies that.
    void whenReady(() => enforce());
  } else if (alarm.name === DEVICE_RETENTION_ALARM) {
    // After start-up work, but outside `ready`: deleting old records never holds up a message.
    void ready
      .catch(() => undefined)
      .then(() => sweepDeviceRecords())
      .catch((error) => console.warn('Device retention sweep', error));
  } else {
    const outbox = outboxForAlarm(alarm.name);
    if (outbox) void ready.catch(() => undefined).then(() => deliverOutbox(outbox));
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

// chrome://extensions and the other pages that turn protection off: only those wake the worker.
const onProtectionPage = (details: { tabId: number; frameId: number; url: string }) =>
  void ready
    .catch(() => undefined)
    .then(() => leaveProtectionPage(details))
    .catch((error) => console.error('Protection page', error));
browser.webNavigation.onBeforeNavigate.addListener(onProtectionPage, PROTECTION_PAGE_FILTER);
browser.webNavigation.onHistoryStateUpdated.addListener(onProtectionPage, PROTECTION_PAGE_FILTER);

// Keyword alerts: the worker watches each tab's address and title, so pages pay nothing for
// it. Added here so Chrome wakes the worker for them, but kept only while the device has a
// keyword list (keywords/tab-listening.ts): with none, a page load doesn't wake the worker.
listenToTabs(
  (tabId, change, tab) => {
    if (!watchesChange(change)) return;
    void ready
      .catch(() => undefined)
      .then(() =>
        watchTabChange(tabId, change, tab, () => {
          void deliverOutbox(keywordAlertOutbox, { urgent: true });
        }),
      )
      .catch((error) => console.error('Keyword watch', error));
  },
  (tabId) =>
    void ready
      .catch(() => undefined)
      .then(() => forgetClosedTab(tabId))
      .catch((error) => console.warn('Keyword watch', error)),
);

/**
 * Flag It from the keyboard or the context menu. Delivery starts once the flag is stored; a
 * stopped worker or an unreachable hub leaves it to the outbox's alarm and the next start-up.
 */
function flagFrom(source: FlagSource, target: () => Promise<FlagTarget | null>): void {
  void ready
    .catch(() => undefined)
    .then(async () => {
      const found = await target();
      if (!found) return;
      await pressFlag(found, source);
      void deliverOutbox(flagOutbox, { urgent: true });
    })
    .catch((error) => console.error('Flag It failed', error));
}

browser.commands.onCommand.addListener((command, tab) =>
  flagFrom('shortcut', () => commandTarget(command, tab)),
);
browser.contextMenus.onClicked.addListener((info, tab) =>
  flagFrom('context-menu', () => menuTarget(info, tab)),
);

// Every download is named or cancelled here before Chrome writes it. Chrome wakes a sleeping
// worker for the event and waits for the answer (`return true`), which comes after `ready`.
downloadEvents.onDeterminingFilename((item, suggest) => {
  void ready
    .catch(() => undefined)
    .then(() => guardDownload(item, () => suggest()))
    .then((judged) => {
      if (judged) void deliverOutbox(pupilEventOutbox, { urgent: true });
    });
  return true;
});

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
    'content.linkVerdict': async ({ url }) => ({ allowed: await isAllowed(url) }),
    'pupil.askToVisit': async ({ url, reason }) => {
      const request = await storeVisitRequest(url, reason);
      // Stored first (ARCHITECTURE rule 3); the upload goes on after the pupil has the answer.
      void deliverOutbox(visitRequestOutbox, { urgent: true });
      return { id: request.id, storedOnDevice: true };
    },
    'pupil.requestStatus': async ({ id }) => ({ status: await visitRequestStatus(id) }),
    'pupil.privacyNotice': privacyNotice,
    'pupil.blockShown': async (body, sender) => {
      const recorded = await recordBlockShown(body, sender);
      // Stored first; the upload goes on after the block page has its answer.
      void deliverOutbox(filteringRecordOutbox, { urgent: true });
      return recorded;
    },
    'pupil.askToDownload': async ({ url, fileName }) => {
      const request = await storeDownloadRequest(url, fileName);
      void deliverOutbox(visitRequestOutbox, { urgent: true });
      return { id: request.id, storedOnDevice: true };
    },
    'pupil.startDownload': async ({ id }) => {
      await startApprovedDownload(id);
      return {};
    },
    'pupil.flag': async (body, sender) => {
      const flagged = await pupilFlag(body, sender);
      // Stored first; the upload goes on after the flag screen has its answer.
      void deliverOutbox(flagOutbox, { urgent: true });
      return flagged;
    },
    'pupil.flagStatus': pupilFlagStatus,
    'pupil.flagDetails': async (body) => {
      const done = await pupilFlagDetails(body);
      void deliverOutbox(flagOutbox, { urgent: true });
      return done;
    },
    'pupil.leaveFlagScreen': leaveFlagScreen,
    'content.flag': async (body, sender) => {
      const done = await contentFlag(body, sender);
      void deliverOutbox(flagOutbox, { urgent: true });
      return done;
    },
    'content.pupilEvent': async (body, sender) => {
      const recorded = await contentPupilEvent(body, sender);
      void deliverOutbox(pupilEventOutbox, { urgent: true });
      return recorded;
    },
  },
  () => ready,
);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);
