// The backstop content script. It is registered for every web page except the allowed ones
// (background/backstop-script.ts), so it runs only on a page that should already have been
// blocked, which means declarativeNetRequest never saw it: a site's own service worker served it.
// It hides the page at once and asks the worker where to send it.
import browser from 'webextension-polyfill';
import { createMessenger } from '../shared/messenger';

const send = createMessenger((envelope) => browser.runtime.sendMessage(envelope));
const root = document.documentElement;
root.style.setProperty('visibility', 'hidden', 'important');

send('content.backstopVerdict', { url: location.href }).then(
  ({ blockPage }) => {
    if (blockPage) location.replace(blockPage);
    else root.style.removeProperty('visibility');
  },
  // No answer from the extension: stay hidden rather than show a page that isn't allowed.
  () => undefined,
);

// Exercised by test/e2e/enforcement.spec.ts ("a page served by a site's own service worker").
