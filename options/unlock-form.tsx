// The locked page: a teacher names themself and enters the PIN to open a short session.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { send } from './messenger';
import { ActionButton } from './action-button';
import { Field } from './field';
import { BusyForm, ErrorText } from './busy-form';
import { t } from './i18n';
import { errorText, lastName, lockNotice, refresh, startSession, track } from './session';

export function UnlockForm({ managed }: { managed: boolean }) {
  const name = useSignal(lastName.value);
  const pin = useSignal('');
  const error = useSignal<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const notice = lockNotice.value;

  useEffect(() => {
    // Arriving here from the settings (locked, or the session ended): say where focus went.
    if (lockNotice.value) heading.current?.focus();
  }, []);

  async function submit() {
    const trimmed = name.value.trim();
    if (trimmed === '') {
      error.value = t('options_name_missing');
      return;
    }
    error.value = null;
    lockNotice.value = null;
    try {
      const opened = await track(() => send('admin.unlock', { pin: pin.value, name: trimmed }));
      startSession({ ...opened, name: trimmed });
      void refresh();
    } catch (failure) {
      // Shown exactly as the background words it: a wrong PIN, or how long a lockout lasts.
      error.value = errorText(failure);
      pin.value = '';
    }
  }

  return (
    <main class="locked">
      <h1 ref={heading} tabIndex={-1}>
        {t('options_unlock_heading')}
      </h1>
      <p>{t(managed ? 'options_unlock_intro_managed' : 'options_unlock_intro')}</p>
      {notice ? (
        <p class={notice.tone === 'alert' ? 'error' : 'notice'} role={notice.tone}>
          {notice.text}
        </p>
      ) : null}
      <BusyForm onSubmit={submit}>
        <Field id="unlock-name" label={t('options_your_name')} value={name} />
        <Field id="unlock-pin" label={t('options_pin_label')} kind="current-pin" value={pin} />
        <ErrorText message={error.value} />
        <ActionButton type="submit" variant="primary">
          {t('options_unlock_submit')}
        </ActionButton>
      </BusyForm>
    </main>
  );
}
