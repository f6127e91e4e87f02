// The login form. The hub's answer to a failed login is shown as it is (wrong password, too
// many tries), in an alert.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { ErrorText, NoticeText } from './messages';
import { logIn, loginNotice, track } from './session';
import { t } from './strings';
import { TextField } from './text-field';

export function LoginPage() {
  const username = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('page_title');
    if (loginNotice.value) heading.current?.focus();
  }, []);

  async function submit() {
    error.value = null;
    if (username.value.trim() === '') error.value = t('login_username_empty');
    else if (password.value === '') error.value = t('login_password_empty');
    if (error.value) return;
    try {
      await track(() => logIn(username.value.trim(), password.value));
    } catch (failure) {
      password.value = '';
      error.value = errorText(failure);
    }
  }

  return (
    <main class="narrow">
      <h1 id="login-heading" ref={heading} tabIndex={-1}>
        {t('login_heading')}
      </h1>
      <p>{t('login_intro')}</p>
      <NoticeText notice={loginNotice.value} />
      <BusyForm onSubmit={submit} labelledBy="login-heading">
        <TextField
          id="username"
          label={t('login_username')}
          value={username}
          kind="username"
          maxLength={64}
        />
        <TextField
          id="password"
          label={t('login_password')}
          value={password}
          kind="password"
          maxLength={256}
        />
        <ErrorText message={error.value} />
        <ActionButton type="submit" variant="primary">
          {t('login_submit')}
        </ActionButton>
      </BusyForm>
    </main>
  );
}
