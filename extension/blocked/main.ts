// Fills in the block page's static skeleton (blocked.html) for this pupil and this address.
// Text from the web (the blocked address) only ever goes in through textContent.
import { readBlockDetails } from './block-details';
import { text } from './page-text';

const details = readBlockDetails(window.location, window.top !== window);
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const actions = () => import('./actions');

document.title = text('block_page_title');
for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = text(element.dataset.i18n ?? '');
}

function showSaved(key: string) {
  byId('ask').hidden = true;
  byId('ask-form').hidden = true;
  byId('saved-text').textContent = text(key);
  byId('saved').classList.add('done');
}

async function ask(reason: string, savedKey: string) {
  byId('problem').textContent = '';
  try {
    await (await actions()).askToVisit(details.blockedUrl, reason);
    showSaved(savedKey);
  } catch {
    byId('problem').textContent = text('ask_failed');
  }
}

if (details.inFrame) {
  // A blocked frame inside an allowed page: a quiet note in its place, nothing to press.
  byId('page').hidden = true;
  byId('frame-note').hidden = false;
  byId('frame-address').textContent = details.displayUrl;
} else {
  const ks1 = details.keyStage === 'ks1';
  const always = details.reason === 'always';
  byId('page').classList.add(details.keyStage);
  byId('heading').textContent = text(
    ks1 ? 'ks1_heading' : always ? 'ks2_heading_always' : 'ks2_heading',
  );
  byId('explain').textContent = text(always ? 'ks2_explain_always' : 'ks2_explain');
  byId('address').textContent = details.displayUrl;
  byId('go-back').addEventListener('click', () => void actions().then((a) => a.goBack()));

  // KS1 can always ask the teacher for help; KS2 can ask to visit anything not always blocked.
  const askButton = byId('ask') as HTMLButtonElement;
  if (ks1 || !always) {
    askButton.hidden = false;
    byId('ask-label').textContent = text(ks1 ? 'ks1_ask_teacher' : 'ks2_ask_to_visit');
  }
  askButton.addEventListener('click', () => {
    if (ks1) {
      askButton.disabled = true;
      void ask('', 'ks1_ask_saved').finally(() => (askButton.disabled = false));
      return;
    }
    askButton.hidden = true;
    byId('ask-form').hidden = false;
    byId('reason').focus();
  });
  byId('ask-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const send = byId('send') as HTMLButtonElement;
    send.disabled = true;
    const reason = (byId('reason') as HTMLTextAreaElement).value;
    void ask(reason, 'ks2_ask_saved').finally(() => (send.disabled = false));
  });
}
