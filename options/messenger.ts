import browser from 'webextension-polyfill';
import { createMessenger } from '../shared/messenger';

/** Typed messages to the background worker; only this page may send `admin.*` messages. */
export const send = createMessenger((envelope) => browser.runtime.sendMessage(envelope));
