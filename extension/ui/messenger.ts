import browser from 'webextension-polyfill';
import { createMessenger } from '../../shared/messenger';

/** Typed messages to the background worker from the extension's pupil pages. */
export const send = createMessenger((envelope) => browser.runtime.sendMessage(envelope));
