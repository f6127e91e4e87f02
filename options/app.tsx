// Chooses the view: setting the first PIN, unlocking, or the settings themselves.
import { useEffect } from 'preact/hooks';
import { ActionButton } from './action-button';
import { Dashboard } from './dashboard';
import { FirstPinForm } from './first-pin-form';
import { t } from './i18n';
import { loadStatus, pinSource, session, statusError, track } from './session';
import { UnlockForm } from './unlock-form';

export function App() {
  useEffect(() => {
    void loadStatus();
  }, []);

  if (session.value) return <Dashboard />;
  if (statusError.value) {
    return (
      <main class="locked">
        <h1>{t('options_page_title')}</h1>
        <p class="error" role="alert">
          {statusError.value}
        </p>
        <ActionButton variant="primary" onPress={() => void track(loadStatus)}>
          {t('options_try_again')}
        </ActionButton>
      </main>
    );
  }
  if (pinSource.value === null) {
    return (
      <main class="locked">
        <h1>{t('options_page_title')}</h1>
        <p role="status">{t('options_loading')}</p>
      </main>
    );
  }
  if (pinSource.value === 'none') return <FirstPinForm />;
  return <UnlockForm managed={pinSource.value === 'managed'} />;
}
