// First run on this device: no PIN yet, so the first teacher sets one and is signed in.
import { useSignal } from '@preact/signals';
import { send } from './messenger';
import { ActionButton } from './action-button';
import { Field } from './field';
import { BusyForm, ErrorText } from './busy-form';
import { t } from './i18n';
import { newPinProblem } from './pin-rules';
import { errorText, lastName, loadStatus, refresh, startSession, track } from './session';

export function FirstPinForm() {
  const name = useSignal(lastName.value);
  const pin = useSignal('');
  const confirm = useSignal('');
  const error = useSignal<string | null>(null);

  async function submit() {
    const trimmed = name.value.trim();
    const problem =
      trimmed === '' ? t('options_name_missing') : newPinProblem(pin.value, confirm.value);
    error.value = problem;
    if (problem) return;
    try {
      const opened = await track(() =>
        send('admin.setFirstPin', { pin: pin.value, name: trimmed }),
      );
      startSession({ ...opened, name: trimmed });
      void refresh();
    } catch (failure) {
      error.value = errorText(failure);
      // Someone may have set a PIN meanwhile; the page should then ask for it instead.
      void loadStatus();
    }
  }

  return (
    <main class="locked">
      <h1>{t('options_first_pin_heading')}</h1>
      <p>{t('options_first_pin_intro')}</p>
      <BusyForm onSubmit={submit}>
        <Field id="first-name" label={t('options_your_name')} value={name} />
        <Field
          id="first-pin"
          label={t('options_pin_label')}
          hint={t('options_pin_rule')}
          kind="new-pin"
          value={pin}
        />
        <Field
          id="first-confirm"
          label={t('options_confirm_pin_label')}
          kind="new-pin"
          value={confirm}
        />
        <ErrorText message={error.value} />
        <ActionButton type="submit" variant="primary">
          {t('options_first_pin_submit')}
        </ActionButton>
      </BusyForm>
    </main>
  );
}
