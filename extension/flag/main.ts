// The flag screen. It says "Telling your teacher…" until the worker confirms the flag is stored
// on the device, then that the pupil did the right thing and their teacher knows. Saying what
// happened is optional and never asked twice. Nothing from the flagged page is shown here.
import type { FlagReason } from '../../shared/flag';
import { t } from '../ui/i18n';
import { send } from '../ui/messenger';
import { readFlagScreenDetails } from './flag-details';
import { whenStored } from './stored-watch';

const details = readFlagScreenDetails(window.location);
const ks1 = details.keyStage === 'ks1';
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const page = byId('page');
const reasonButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-reason]')];
const sendButton = byId('send') as HTMLButtonElement;
const note = byId('note') as HTMLTextAreaElement;

const REASON_LABELS: Record<FlagReason, { ks1: string; ks2: string }> = {
  upset: { ks1: 'flag_reason_upset_ks1', ks2: 'flag_reason_upset' },
  unkind: { ks1: 'flag_reason_unkind_ks1', ks2: 'flag_reason_unkind' },
  contact: { ks1: 'flag_reason_contact_ks1', ks2: 'flag_reason_contact' },
  other: { ks1: 'flag_reason_other_ks1', ks2: 'flag_reason_other' },
};
/** With no classroom hub the flag waits on this Chromebook, so the pupil tells the teacher too. */
let hub = true;

const isReason = (value: string | undefined): value is FlagReason =>
  value !== undefined && value in REASON_LABELS;

document.title = t('flag_page_title');
page.classList.add(details.keyStage);
byId('heading').textContent = t('flag_telling');
byId('details-heading').textContent = t('flag_what_happened');
byId('details-optional').textContent = t('flag_details_optional');
byId('note-label').textContent = t('flag_note_label');
sendButton.textContent = t('flag_send');
byId('safe-page-label').textContent = t('flag_safe_page');
for (const button of reasonButtons) {
  const reason = button.dataset.reason;
  if (!isReason(reason)) continue;
  const label = button.querySelector('.label');
  if (label) label.textContent = t(REASON_LABELS[reason][details.keyStage]);
  // KS1's pictures send at once, so they are plain buttons rather than choices to toggle.
  if (ks1) button.removeAttribute('aria-pressed');
}

function showProblem() {
  byId('problem').textContent = t('flag_failed');
}

function showThanks() {
  page.dataset.state = 'thanked';
  byId('heading').textContent = t('flag_told_heading');
  byId('details').hidden = true;
  byId('status').textContent = t(hub ? 'flag_thanks' : 'flag_thanks_no_hub');
  byId('safe-page').focus();
}

function showTold() {
  page.dataset.state = 'told';
  byId('heading').textContent = t('flag_told_heading');
  byId('status').textContent = t(hub ? 'flag_told' : 'flag_told_no_hub');
  byId('details').hidden = false;
}

async function sendDetails(reason: FlagReason | null) {
  if (!details.id) return;
  byId('problem').textContent = '';
  const busy = [...reasonButtons, sendButton];
  for (const button of busy) button.disabled = true;
  try {
    await send('pupil.flagDetails', { id: details.id, reason, note: note.value });
    showThanks();
  } catch {
    showProblem();
  } finally {
    for (const button of busy) button.disabled = false;
  }
}

const chosen = (): FlagReason | null => {
  const reason = reasonButtons.find((button) => button.getAttribute('aria-pressed') === 'true')
    ?.dataset.reason;
  return isReason(reason) ? reason : null;
};

for (const button of reasonButtons) {
  button.addEventListener('click', () => {
    const reason = button.dataset.reason;
    if (!isReason(reason)) return;
    if (ks1) {
      void sendDetails(reason);
      return;
    }
    const pressed = button.getAttribute('aria-pressed') === 'true';
    for (const other of reasonButtons) other.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', String(!pressed));
  });
}
sendButton.addEventListener('click', () => {
  const reason = chosen();
  // Nothing chosen and nothing written: there is nothing to send, and that is fine too.
  if (!reason && !note.value.trim()) {
    showThanks();
    return;
  }
  void sendDetails(reason);
});

byId('safe-page').addEventListener('click', () => {
  void send('pupil.leaveFlagScreen', {}).catch(showProblem);
});

/** The flag may not be on the device: the pupil is asked to tell their teacher themselves. */
function showNotStored() {
  byId('heading').textContent = t('flag_not_stored_heading');
  showProblem();
}

if (details.id) {
  void whenStored(details.id).then((outcome) => {
    if (!outcome.stored) {
      showNotStored();
      return;
    }
    hub = outcome.hub;
    if (outcome.detailsGiven) showThanks();
    else showTold();
  });
} else {
  showNotStored();
}
