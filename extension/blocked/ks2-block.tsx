// KS2: says plainly why, shows the address, and lets the pupil ask to visit with a reason.
import { useState } from 'preact/hooks';
import type { BlockDetails } from './block-details';
import { askState, askToVisit } from './ask-state';
import { goBack } from './go-back';
import { BackArrow, Tick } from './pictures';
import { t } from '../ui/i18n';

function AskForm({ url }: { url: string }) {
  const [reason, setReason] = useState('');
  const state = askState.value;
  if (state.step === 'saved') {
    return (
      <p class="confirmation" role="status">
        <Tick />
        {t('ks2_ask_saved')}
      </p>
    );
  }
  if (state.step === 'idle') {
    return (
      <button type="button" class="big ask" onClick={() => (askState.value = { step: 'writing' })}>
        {t('ks2_ask_to_visit')}
      </button>
    );
  }
  return (
    <form
      class="ask-form"
      onSubmit={(event) => {
        event.preventDefault();
        void askToVisit(url, reason);
      }}
    >
      <label for="reason">{t('ks2_reason_label')}</label>
      <textarea
        id="reason"
        maxLength={500}
        rows={3}
        value={reason}
        onInput={(event) => setReason(event.currentTarget.value)}
      />
      {state.step === 'failed' ? (
        <p class="problem" role="alert">
          {t('ask_failed')}
        </p>
      ) : null}
      <button type="submit" class="big ask" disabled={state.step === 'sending'}>
        {t('ks2_send_request')}
      </button>
    </form>
  );
}

export function Ks2Block({ details }: { details: BlockDetails }) {
  const always = details.reason === 'always';
  return (
    <div class="page ks2">
      <h1>{t(always ? 'ks2_heading_always' : 'ks2_heading')}</h1>
      <p>{t(always ? 'ks2_explain_always' : 'ks2_explain')}</p>
      <p class="address-label">{t('blocked_address_label')}</p>
      <p class="address">{details.displayUrl}</p>
      <div class="actions">
        <button type="button" class="big go-back" onClick={() => void goBack()}>
          <BackArrow />
          <span>{t('go_back')}</span>
        </button>
      </div>
      {always ? null : <AskForm url={details.blockedUrl} />}
    </div>
  );
}
