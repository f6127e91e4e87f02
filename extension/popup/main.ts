// The toolbar popup. Flag It flags the page the pupil is looking at: the worker mutes it,
// covers it and sends it to the flag screen, so the popup has only to close.
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { send } from '../ui/messenger';
import { FLAG_COMMAND } from '../../shared/flag-command';
import { showIdentityNote } from '../ui/identity-note';

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const flagButton = byId('flag') as HTMLButtonElement;

document.title = t('flag_it');
byId('heading').textContent = t('popup_heading');
byId('intro').textContent = t('popup_intro');
byId('flag-label').textContent = t('flag_it');
byId('privacy').textContent = t('privacy_link');
byId('identity-note-text').textContent = t('not_signed_in_note');

flagButton.addEventListener('click', () => {
  flagButton.disabled = true;
  byId('problem').textContent = '';
  send('pupil.flag', { source: 'popup' }).then(
    () => window.close(),
    () => {
      flagButton.disabled = false;
      byId('problem').textContent = t('flag_failed');
    },
  );
});

/** The keys as this browser has them: a teacher may have changed them in chrome://extensions. */
async function showShortcut(): Promise<void> {
  const commands = await browser.commands.getAll();
  const keys = commands.find((command) => command.name === FLAG_COMMAND)?.shortcut;
  if (!keys) return;
  const shortcut = byId('shortcut');
  shortcut.textContent = t('popup_shortcut', keys);
  shortcut.hidden = false;
}

void showShortcut().catch(() => undefined);
void showIdentityNote(byId('identity-note')).catch(() => undefined);
flagButton.focus();
