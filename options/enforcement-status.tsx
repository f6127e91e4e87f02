// Whether the rules the page shows are the rules Chromium is enforcing.
import { useEffect } from 'preact/hooks';
import type { AdminState } from '../shared/messages';
import { ActionButton } from './action-button';
import { formatTime } from './format';
import { t } from './i18n';
import { refresh, track } from './session';

// The worker installs rules moments after start-up; until then, look again now and then.
const RECHECK_MS = 2_000;

export function EnforcementStatus({ enforcement }: { enforcement: AdminState['enforcement'] }) {
  useEffect(() => {
    if (enforcement) return;
    const timer = setInterval(() => void refresh(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [enforcement === null]);

  return (
    <section class="card" aria-labelledby="enforcement-heading">
      <h2 id="enforcement-heading">{t('options_enforcement_heading')}</h2>
      <p class="enforcement" role="status">
        {enforcement ? (
          <>
            {t('options_enforcement_summary_start', String(enforcement.ruleCount))}{' '}
            <time dateTime={enforcement.appliedAt}>{formatTime(enforcement.appliedAt)}</time>
          </>
        ) : (
          t('options_enforcement_none')
        )}
      </p>
      {enforcement?.lastError ? (
        <p class="error" role="alert">
          {t('options_enforcement_failed', enforcement.lastError)}
        </p>
      ) : null}
      <ActionButton onPress={() => void track(refresh)}>{t('options_check_again')}</ActionButton>
    </section>
  );
}
