// Every key the worker keeps in storage, so no two modules can pick the same name by accident.
import { IDENTITY_NOTE_KEY } from '../shared/identity-note';
import { PROMPT_CONFIG_KEY } from '../shared/prompt-config';

export const LOCAL_KEYS = {
  settings: 'settings',
  managedState: 'managedState',
  enforcement: 'enforcement',
  pinFailures: 'pinFailures',
  lesson: 'lesson',
  deviceId: 'deviceId',
  hubEnrolment: 'hubEnrolment',
  hubState: 'hubState',
  outboxRetry: 'outboxRetry',
  /** Read by the prompts content script too. */
  promptConfig: PROMPT_CONFIG_KEY,
  /** Read by the popup and the block page (the "not signed in" note). */
  identityNote: IDENTITY_NOTE_KEY,
  /** When the device last heard from the hub (hub-link/hub-contact.ts). */
  hubContact: 'hubContact',
} as const;

export const SESSION_KEYS = {
  adminSessions: 'adminSessions',
  /** The one-time pass for a download a teacher allowed (downloads/download-pass.ts). */
  downloadPass: 'downloadPass',
  /** The keyword watch's copy of the device's list (keywords/keyword-watch-state.ts). */
  keywordList: 'keywordList',
  /** What the keyword watch reported and prompted in each tab (keywords/keyword-watch-state.ts). */
  keywordTabs: 'keywordTabs',
} as const;
