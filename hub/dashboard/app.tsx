// Chooses the view: asking the hub who is logged in, the login form, or the dashboard.
import { useEffect } from 'preact/hooks';
import { ActionButton } from './action-button';
import { Dashboard } from './dashboard';
import { LoginPage } from './login-page';
import { ErrorText } from './messages';
import { restoreSession, startError, track, user } from './session';
import { t } from './strings';

export function App() {
  useEffect(() => {
    void restoreSession();
  }, []);

  const current = user.value;
  if (current) return <Dashboard user={current} />;
  if (startError.value) {
    return (
      <main class="narrow">
        <h1>{t('page_title')}</h1>
        <ErrorText message={startError.value} />
        <ActionButton variant="primary" onPress={() => void track(restoreSession)}>
          {t('try_again')}
        </ActionButton>
      </main>
    );
  }
  if (current === undefined) {
    return (
      <main class="narrow">
        <h1>{t('page_title')}</h1>
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  return <LoginPage />;
}
