// From a pupil's request: asking the admin to add its host to the class's key stage list for
// good. The admin decides (school-site admin); the change log keeps who asked and why.
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { ErrorText } from './messages';
import { askForChange } from './school-lists';
import { track, type Notice } from './session';
import { t } from './strings';
import { TextField } from './text-field';

interface Props {
  requestId: string;
  url: string;
  keyStage: 'ks1' | 'ks2';
  onNotice: (notice: Notice) => void;
}

/** The request's exact host, as a list entry: the narrowest thing that lets the page open. */
const exactHost = (url: string) => `=${new URL(url).hostname}`;

export function AskChangeForm({ requestId, url, keyStage, onNotice }: Props) {
  const open = useSignal(false);
  const reason = useSignal('');
  const error = useSignal<string | null>(null);
  const fieldId = `change-reason-${requestId}`;

  async function send() {
    error.value = reason.value.trim() ? null : t('sites_reason_empty');
    if (error.value) return;
    try {
      await track(() =>
        askForChange({ site: exactHost(url), keyStage, reason: reason.value.trim(), requestId }),
      );
      open.value = false;
      onNotice({ text: t('requests_change_sent'), tone: 'status' });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  if (!open.value) {
    return (
      <ActionButton onPress={() => (open.value = true)}>{t('requests_ask_change')}</ActionButton>
    );
  }
  return (
    <BusyForm onSubmit={send} labelledBy={fieldId}>
      <TextField
        id={fieldId}
        label={t('requests_change_reason', {
          keyStage: t(keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2'),
        })}
        value={reason}
        maxLength={500}
      />
      <ErrorText message={error.value} />
      <ActionButton type="submit">{t('requests_change_send')}</ActionButton>
    </BusyForm>
  );
}
