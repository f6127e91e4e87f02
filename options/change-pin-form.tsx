// Changing the device's own PIN (a PIN from managed policy is changed in Google Admin).
import { useSignal } from '@preact/signals';
import { ActionButton } from './action-button';
import { Field } from './field';
import { BusyForm, ErrorText } from './busy-form';
import { t } from './i18n';
import { newPinProblem } from './pin-rules';
import { call, errorText, track } from './session';

export function ChangePinForm() {
  const current = useSignal('');
  const pin = useSignal('');
  const confirm = useSignal('');
  const error = useSignal<string | null>(null);
  const done = useSignal('');

  async function submit() {
    done.value = '';
    error.value = newPinProblem(pin.value, confirm.value);
    if (error.value) return;
    try {
      await track(() => call('admin.changePin', { currentPin: current.value, pin: pin.value }));
      current.value = '';
      pin.value = '';
      confirm.value = '';
      done.value = t('options_change_pin_done');
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <section class="card" aria-labelledby="change-pin-heading">
      <h2 id="change-pin-heading">{t('options_change_pin_heading')}</h2>
      <BusyForm onSubmit={submit}>
        <Field
          id="current-pin"
          label={t('options_current_pin_label')}
          kind="current-pin"
          value={current}
        />
        <Field
          id="new-pin"
          label={t('options_new_pin_label')}
          hint={t('options_pin_rule')}
          kind="new-pin"
          value={pin}
        />
        <Field
          id="new-pin-confirm"
          label={t('options_confirm_new_pin_label')}
          kind="new-pin"
          value={confirm}
        />
        <p role="status" class="outcome">
          {done.value}
        </p>
        <ErrorText message={error.value} />
        <ActionButton type="submit">{t('options_change_pin_submit')}</ActionButton>
      </BusyForm>
    </section>
  );
}
