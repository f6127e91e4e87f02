// Which key stage's list this device enforces. The pupil's class on the classroom hub outranks
// managed policy, which outranks the device; with no choice made the strictest list (KS1) is
// used, so an unset device is never the more open one.
import { useSignal } from '@preact/signals';
import type { AdminState } from '../shared/messages';
import type { KeyStage } from '../shared/policy-model';
import { ErrorText } from './busy-form';
import { t } from './i18n';
import { busy, change, errorText } from './session';

const OPTIONS: { value: KeyStage; labelKey: string }[] = [
  { value: 'ks1', labelKey: 'options_key_stage_ks1' },
  { value: 'ks2', labelKey: 'options_key_stage_ks2' },
];

/** Why the key stage is what it is, unless a teacher chose it here. */
const NOTES: Record<AdminState['keyStage']['source'], string | null> = {
  hub: 'options_key_stage_hub',
  managed: 'options_key_stage_managed',
  default: 'options_key_stage_default',
  local: null,
  'not-signed-in': 'options_key_stage_not_signed_in',
};

export function KeyStagePicker({ keyStage }: { keyStage: AdminState['keyStage'] }) {
  // Shows the choice while it is being saved; cleared once the background's state arrives.
  const pending = useSignal<KeyStage | null>(null);
  const error = useSignal<string | null>(null);
  const saved = useSignal<string | null>(null);
  // Set elsewhere (the hub or Google Admin), or held to KS1 until someone signs in to Chrome,
  // so it can't be changed here.
  const locked =
    keyStage.source === 'managed' ||
    keyStage.source === 'hub' ||
    keyStage.source === 'not-signed-in';
  const shown = pending.value ?? keyStage.value;

  async function choose(value: KeyStage) {
    if (busy.value) {
      // Nothing re-renders for a refused click, so put the dot back by hand.
      const current = document.getElementById(`key-stage-${shown}`);
      if (current instanceof HTMLInputElement) current.checked = true;
      return;
    }
    if (value === keyStage.value) return;
    pending.value = value;
    error.value = null;
    saved.value = null;
    try {
      await change('admin.setKeyStage', { keyStage: value });
      saved.value = t('options_key_stage_saved', value.toUpperCase());
    } catch (failure) {
      error.value = errorText(failure);
    } finally {
      pending.value = null;
    }
  }

  const noteKey = NOTES[keyStage.source];

  return (
    <section class="card" aria-labelledby="key-stage-heading">
      <fieldset aria-describedby={noteKey ? 'key-stage-note' : undefined}>
        <legend>
          <h2 id="key-stage-heading">{t('options_key_stage_heading')}</h2>
        </legend>
        {noteKey ? (
          <p class={locked ? 'note locked-note' : 'note'} id="key-stage-note">
            {locked ? <span aria-hidden="true">🔒 </span> : null}
            {t(noteKey)}
          </p>
        ) : null}
        <div class="radios">
          {OPTIONS.map(({ value, labelKey }) => (
            <div class="radio" key={value}>
              <input
                type="radio"
                id={`key-stage-${value}`}
                name="key-stage"
                value={value}
                checked={shown === value}
                disabled={locked}
                onChange={() => void choose(value)}
              />
              <label for={`key-stage-${value}`}>{t(labelKey)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <p role="status" class="saved">
        {saved.value}
      </p>
      <ErrorText message={error.value} />
    </section>
  );
}
