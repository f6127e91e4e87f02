// Fills in the download page (download.html) for this pupil and this file. The file's name and
// site come from a web server, so they only ever go in through textContent.
import { text } from '../blocked/page-text';
import { readDownloadDetails, type ShownReason } from './download-details';

const details = readDownloadDetails(window.location);
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const actions = () => import('./actions');
const ks1 = details.keyStage === 'ks1';
const held = details.reason === 'media';

const KS2_WORDS: Record<ShownReason, { heading: string; explain: string }> = {
  program: { heading: 'download_ks2_heading_program', explain: 'download_ks2_explain_program' },
  archive: { heading: 'download_ks2_heading_archive', explain: 'download_ks2_explain_archive' },
  disguised: {
    heading: 'download_ks2_heading_disguised',
    explain: 'download_ks2_explain_disguised',
  },
  torrent: { heading: 'download_ks2_heading_torrent', explain: 'download_ks2_explain_torrent' },
  media: { heading: 'download_ks2_heading_held', explain: 'download_ks2_explain_held' },
  'unapproved-source': {
    heading: 'download_ks2_heading_source',
    explain: 'download_ks2_explain_source',
  },
  unknown: { heading: 'download_ks2_heading_unknown', explain: 'download_ks2_explain_unknown' },
};

type Shown = 'saved' | 'approved' | 'denied' | 'downloading';
const STATUS_TEXT = {
  saved: { ks1: 'ks1_ask_saved', ks2: 'ks2_ask_saved' },
  approved: { ks1: 'download_ks1_answer_yes', ks2: 'ks2_answer_yes' },
  denied: { ks1: 'ks1_answer_no', ks2: 'ks2_answer_no' },
  downloading: { ks1: 'download_started', ks2: 'download_started' },
} as const;

// The request asked from this tab for this file, so a reload still shows how it stands.
// sessionStorage belongs to the tab and goes when it closes.
const REMEMBERED = `askedToDownload:${details.url ?? ''}`;
function remembered(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}
function remember(id: string) {
  try {
    sessionStorage.setItem(REMEMBERED, id);
  } catch {
    // Storage refused (a locked-down profile): the page works, a reload just forgets.
  }
}

let requestId: string | null = details.requestId ?? remembered();

/** Shows where the request stands in the one live region, so a screen reader hears it. */
function showStatus(shown: Shown) {
  const status = byId('saved');
  const was = status.dataset.state;
  // A status read before the answer can land after it: never step back to "saved".
  if (was === shown || (was && shown === 'saved') || was === 'downloading') return;
  byId('ask').hidden = true;
  status.dataset.state = shown;
  byId('saved-text').textContent = text(STATUS_TEXT[shown][details.keyStage]);
  status.classList.add('done');
  const download = byId('download');
  download.hidden = shown !== 'approved';
  if (shown === 'approved') download.focus();
}

async function follow(id: string) {
  const { onAnswer } = await import('../blocked/answer-watch');
  // Listening before asking, so an answer between the two can't be missed.
  onAnswer(id, showStatus);
  const status = await (await actions()).requestStatus(id);
  if (status === null) return;
  showStatus(status === 'pending' ? 'saved' : status);
}

async function ask(url: string) {
  byId('problem').textContent = '';
  try {
    const id = await (await actions()).askToDownload(url, details.fileName);
    requestId = id;
    remember(id);
    showStatus('saved');
    void follow(id).catch(() => undefined);
  } catch {
    byId('problem').textContent = text('ask_failed');
  }
}

document.title = text('download_page_title');
for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = text(element.dataset.i18n ?? '');
}
const page = byId('page');
page.classList.add(details.keyStage, held ? 'held' : 'stop');
byId('heading').textContent = ks1
  ? text(held ? 'download_ks1_heading_held' : 'download_ks1_heading_stop')
  : text(KS2_WORDS[details.reason].heading);
// KS1 reads the pictures; the one sentence they hear read out is the copyright idea.
const explain = ks1 ? (held ? 'download_ks1_explain_held' : '') : KS2_WORDS[details.reason].explain;
byId('explain').textContent = explain ? text(explain) : '';
byId('explain').hidden = !explain;
byId('file').textContent = details.fileName;
byId('from').textContent = details.sourceHost ? text('download_from', details.sourceHost) : '';
byId('go-back').addEventListener('click', () => void actions().then((a) => a.goBack()));

if (held) {
  const askButton = byId('ask') as HTMLButtonElement;
  const url = details.url;
  if (url) {
    askButton.hidden = false;
    askButton.addEventListener('click', () => {
      askButton.disabled = true;
      void ask(url).finally(() => (askButton.disabled = false));
    });
  } else {
    byId('not-askable').hidden = false;
  }
  const downloadButton = byId('download') as HTMLButtonElement;
  downloadButton.addEventListener('click', () => {
    if (!requestId) return;
    downloadButton.disabled = true;
    byId('problem').textContent = '';
    void actions()
      .then((a) => a.startDownload(requestId ?? ''))
      .then(() => showStatus('downloading'))
      .catch(() => (byId('problem').textContent = text('ask_failed')))
      .finally(() => (downloadButton.disabled = false));
  });
  if (requestId) {
    showStatus('saved');
    void follow(requestId).catch(() => undefined);
  }
}
