// The alert for a flag that arrives while the dashboard is open: a banner every screen reader
// announces, on top of the sound (flag-sound.ts), and the sound's mute switch beside it.
import { ActionButton } from './action-button';
import { dismissNewFlags, newFlags } from './flags';
import { muted, setMuted } from './flag-sound';
import { requestFocus } from './focus';
import { t } from './strings';
import { view, VIEW_HASHES } from './views';

export function FlagAlert() {
  const arrived = newFlags.value;
  const names = [...new Set(arrived.map((flag) => flag.pupil?.name ?? t('flags_unknown_pupil')))];
  return (
    <div class="flag-alert-bar">
      {arrived.length > 0 ? (
        <div role="alert" class="flag-alert">
          <strong>{t('flags_alert', { names: names.join(', ') })}</strong>
          <ActionButton
            variant="primary"
            onPress={() => {
              dismissNewFlags();
              if (view.value !== 'classes') location.hash = VIEW_HASHES.classes;
              requestFocus('flags-heading');
            }}
          >
            {t('flags_alert_show')}
          </ActionButton>
          <ActionButton onPress={dismissNewFlags}>{t('flags_alert_dismiss')}</ActionButton>
        </div>
      ) : null}
      <button
        type="button"
        class="action sound-toggle"
        aria-pressed={!muted.value}
        onClick={() => setMuted(!muted.value)}
      >
        {t(muted.value ? 'flags_sound_off' : 'flags_sound_on')}
      </button>
    </div>
  );
}
