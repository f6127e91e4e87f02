// The lesson's sites: typed one a line, or toggled with quick-add chips taken from the class's
// key stage starter list. The text area is the one list, so the hub's "sites item 3" is line 3.
import type { Signal } from '@preact/signals';
import type { KeyStage } from '../../shared/policy-model';
import { STARTER_LISTS } from '../../shared/starter-lists';
import { t } from './strings';

export const siteLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function SitePicker({ text, keyStage }: { text: Signal<string>; keyStage: KeyStage }) {
  const lines = siteLines(text.value);
  const toggle = (site: string) => {
    const next = lines.includes(site) ? lines.filter((line) => line !== site) : [...lines, site];
    text.value = next.join('\n');
  };
  const keyStageName = t(keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2');

  return (
    <>
      <div class="field">
        <label for="lesson-sites">{t('builder_sites')}</label>
        <p class="hint" id="lesson-sites-hint">
          {t('builder_sites_hint')}
        </p>
        <textarea
          id="lesson-sites"
          rows={6}
          spellcheck={false}
          autoCapitalize="off"
          aria-describedby="lesson-sites-hint"
          value={text.value}
          onInput={(event) => (text.value = event.currentTarget.value)}
        />
      </div>
      <fieldset class="chips">
        <legend>{t('builder_quick_add', { keyStage: keyStageName })}</legend>
        <ul>
          {STARTER_LISTS[keyStage].map((site) => {
            const picked = lines.includes(site);
            return (
              <li key={site}>
                <button
                  type="button"
                  class="chip"
                  aria-pressed={picked ? 'true' : 'false'}
                  onClick={() => toggle(site)}
                >
                  <span aria-hidden="true">{picked ? '✓' : '+'}</span> {site}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </>
  );
}
