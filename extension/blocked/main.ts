// Fills in the block page's static skeleton (blocked.html) for this pupil and this address.
// Text from the web (the blocked address) only ever goes in through textContent.
import { readBlockDetails } from './block-details';
import { text } from './page-text';
import { showIdentityNote } from '../ui/identity-note';
import { recordAttempt } from './record-attempt';

const details = readBlockDetails(window.location, window.top !== window);
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const actions = () => import('./actions');

/** Where a request stands, as the page shows it. */
type Shown = 'saved' | 'approved' | 'denied';
const STATUS_TEXT = {
  saved: { ks1: 'ks1_ask_saved', ks2: 'ks2_ask_saved' },
  approved: { ks1: 'ks1_answer_yes', ks2: 'ks2_answer_yes' },
  denied: { ks1: 'ks1_answer_no', ks2: 'ks2_answer_no' },
} as const;

// The request asked from this tab for this address, so a reload still shows how it stands.
// sessionStorage belongs to the tab and goes when it closes: nothing outlives the visit.
const REMEMBERED = `askedToVisit:${details.blockedUrl}`;
function remembered(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}
function remember(id: string | null) {
  try {
    if (id) sessionStorage.setItem(REMEMBERED, id);
    else sessionStorage.removeItem(REMEMBERED);
  } catch {
    // Storage refused (a locked-down profile): the page works, a reload just forgets.
  }
}

document.title = text('block_page_title');
for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = text(element.dataset.i18n ?? '');
}

const HEADINGS = {
  list: { ks1: 'ks1_heading', ks2: 'ks2_heading' },
  always: { ks1: 'ks1_heading', ks2: 'ks2_heading_always' },
  images: { ks1: 'ks1_images_heading', ks2: 'ks2_images_heading' },
  piracy: { ks1: 'ks1_piracy_heading', ks2: 'ks2_piracy_heading' },
  circumvention: { ks1: 'ks1_circumvention_heading', ks2: 'ks2_circumvention_heading' },
} as const;
const EXPLANATIONS = {
  list: 'ks2_explain',
  always: 'ks2_explain_always',
  images: 'ks2_images_explain',
  piracy: 'ks2_piracy_explain',
  circumvention: 'ks2_circumvention_explain',
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

/** Shows where the request stands in the one live region, so a screen reader hears it. */
function showStatus(shown: Shown) {
  const status = byId('saved');
  // An answer never goes back to "saved": a status read before the answer can land after it.
  if (status.dataset.state === shown || (status.dataset.state && shown === 'saved')) return;
  byId('ask').hidden = true;
  byId('ask-form').hidden = true;
  status.dataset.state = shown;
  byId('saved-text').textContent = text(STATUS_TEXT[shown][details.keyStage]);
  status.classList.add('done');
  const open = byId('open');
  open.hidden = shown !== 'approved';
  if (shown === 'approved') open.focus();
}

/** Follows a request: hears its answer when it comes, and asks where it stands now. */
async function follow(id: string) {
  const { onAnswer } = await import('./answer-watch');
  // Listening before asking, so an answer between the two can't be missed.
  onAnswer(id, showStatus);
  const status = await (await actions()).requestStatus(id);
  if (status === null) {
    // The device no longer holds it: the page is as new.
    remember(null);
    window.location.reload();
    return;
  }
  showStatus(status === 'pending' ? 'saved' : status);
}

async function ask(reason: string) {
  byId('problem').textContent = '';
  try {
    const id = await (await actions()).askToVisit(details.blockedUrl, reason);
    remember(id);
    showStatus('saved');
    void follow(id).catch(() => undefined);
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
  // Piracy and ways round the filter are blocked like an always-blocked site: nothing to ask
  // to visit.
  const always =
    details.reason === 'always' ||
    details.reason === 'piracy' ||
    details.reason === 'circumvention';
  const images = details.reason === 'images';
  byId('page').classList.add(details.keyStage);
  byId('heading').textContent = text(HEADINGS[details.reason][details.keyStage]);
  byId('explain').textContent = text(EXPLANATIONS[details.reason]);
  if (ks1 && details.reason === 'piracy') {
    // The one KS1 explanation: "why" is the lesson here, in words an adult can read out.
    byId('explain').classList.remove('ks2-only');
    byId('explain').textContent = text('ks1_piracy_explain');
  }
  if (ks1 && details.reason === 'circumvention') {
    // KS1 sees the safety shield instead of the owl: the picture says what the words can't.
    // Pictures are SVG elements, which have no `hidden` property: the attribute it is.
    byId('owl').setAttribute('hidden', '');
    byId('shield').removeAttribute('hidden');
  }
  if (images) showImageSources(details.imageSources);
  byId('address').textContent = details.displayUrl;
  void showIdentityNote(byId('identity-note')).catch(() => undefined);
  byId('go-back').addEventListener('click', () => void actions().then((a) => a.goBack()));
  const flagButton = byId('flag') as HTMLButtonElement;
  flagButton.addEventListener('click', () => {
    flagButton.disabled = true;
    byId('problem').textContent = '';
    // On success the worker takes this tab to the flag screen; nothing is left to do here.
    void actions()
      .then((a) => a.flag())
      .catch(() => {
        flagButton.disabled = false;
        byId('problem').textContent = text('flag_failed');
      });
  });

  // KS1 can always ask the teacher for help; KS2 can ask to visit anything not always blocked.
  // Image search is lifted only by a teacher for a lesson, so there is nothing to ask for.
  const askButton = byId('ask') as HTMLButtonElement;
  // Only a web address can be asked for (chrome://extensions can't).
  const webAddress = /^https?:\/\//i.test(details.blockedUrl);
  if (!images && webAddress && (ks1 || !always)) {
    askButton.hidden = false;
    byId('ask-label').textContent = text(ks1 ? 'ks1_ask_teacher' : 'ks2_ask_to_visit');
  }
  askButton.addEventListener('click', () => {
    if (ks1) {
      askButton.disabled = true;
      void ask('').finally(() => (askButton.disabled = false));
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
    void ask(reason).finally(() => (send.disabled = false));
  });
  byId('open').addEventListener('click', () => {
    // Only ever to a web address: the fragment is the page's input, not a trusted value.
    if (!/^https?:\/\//i.test(details.blockedUrl)) return;
    // Forgotten first: if the teacher's yes has run out by the time the pupil comes back here,
    // the page offers to ask again instead of a yes that no longer opens anything.
    remember(null);
    window.location.replace(details.blockedUrl);
  });

  const asked = remembered();
  if (asked) {
    // Shown at once from memory; the worker's answer refines it when it comes.
    showStatus('saved');
    void follow(asked).catch(() => undefined);
  }
}

// A blocked navigation in a tab goes in the filtering record; a blocked frame inside an allowed
// page (an advert, an embed) is not the pupil's attempt.
if (!details.inFrame) recordAttempt();
