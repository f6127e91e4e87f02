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

const HEADINGS = {
  list: { ks1: 'ks1_heading', ks2: 'ks2_heading' },
  always: { ks1: 'ks1_heading', ks2: 'ks2_heading_always' },
  images: { ks1: 'ks1_images_heading', ks2: 'ks2_images_heading' },
} as const;
const EXPLANATIONS = {
  list: 'ks2_explain',
  always: 'ks2_explain_always',
  images: 'ks2_images_explain',
} as const;

/** Links to the school's approved image sources; the text is the site, the link its home. */
function showImageSources(sites: readonly string[]) {
  const list = byId('source-list');
  for (const site of sites) {
    const address = site.replace(/^=/, '');
    const link = document.createElement('a');
    link.href = `https://${address.includes('/') ? address : `${address}/`}`;
    link.textContent = address.split('/')[0] ?? address;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  byId('sources').hidden = sites.length === 0;
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
  const images = details.reason === 'images';
  byId('page').classList.add(details.keyStage);
  byId('heading').textContent = text(HEADINGS[details.reason][details.keyStage]);
  byId('explain').textContent = text(EXPLANATIONS[details.reason]);
  if (images) showImageSources(details.imageSources);
  byId('address').textContent = details.displayUrl;
  byId('go-back').addEventListener('click', () => void actions().then((a) => a.goBack()));

  // KS1 can always ask the teacher for help; KS2 can ask to visit anything not always blocked.
  // Image search is lifted only by a teacher for a lesson, so there is nothing to ask for.
  const askButton = byId('ask') as HTMLButtonElement;
  if (!images && (ks1 || !always)) {
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
