// The unlocked settings: who is signed in, what is in force, and every list and request.
import { useEffect, useRef } from 'preact/hooks';
import { ActionButton } from './action-button';
import { ChangePinForm } from './change-pin-form';
import { EnforcementStatus } from './enforcement-status';
import { ErrorText } from './busy-form';
import { FlagsSection } from './flags-section';
import { t } from './i18n';
import { ImageSearchSection } from './image-search-section';
import { KeyStagePicker } from './key-stage-picker';
import { ListTabs } from './list-tabs';
import { ManagedProblems } from './managed-problems';
import { RequestsSection } from './requests-section';
import { adminState, call, endSession, session, stateError, track } from './session';

async function lock() {
  // Even if the background can't be reached, the page forgets the token: locked is locked.
  await track(() => call('admin.lock', {})).catch(() => undefined);
  endSession({ text: t('options_locked_notice'), tone: 'status' });
}

export function Dashboard() {
  const heading = useRef<HTMLHeadingElement>(null);
  const state = adminState.value;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <>
      <header class="top">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {t('options_page_title')}
          </h1>
          <p class="signed-in">{t('options_signed_in', session.value?.name ?? '')}</p>
        </div>
        <ActionButton onPress={() => void lock()}>{t('options_lock')}</ActionButton>
      </header>
      <main class="settings">
        <ErrorText message={stateError.value} />
        {state ? (
          <>
            <EnforcementStatus enforcement={state.enforcement} />
            <ManagedProblems errors={state.managedErrors} />
            <KeyStagePicker keyStage={state.keyStage} />
            <FlagsSection flags={state.flags} />
            <ListTabs state={state} />
            <RequestsSection requests={state.requests} />
            <ImageSearchSection state={state} />
            {state.pinSource === 'local' ? <ChangePinForm /> : null}
          </>
        ) : (
          <p role="status">{t('options_loading')}</p>
        )}
      </main>
    </>
  );
}
