// KS1: works without reading. A friendly picture and two big picture buttons; the words are
// there for adults and screen readers, not needed to use the page.
import type { BlockDetails } from './block-details';
import { askState, askToVisit } from './ask-state';
import { goBack } from './go-back';
import { BackArrow, FriendlyOwl, RaisedHand, Tick } from './pictures';
import { t } from '../ui/i18n';

export function Ks1Block({ details }: { details: BlockDetails }) {
  const state = askState.value;
  return (
    <div class="page ks1">
      <FriendlyOwl />
      <h1>{t('ks1_heading')}</h1>
      <p class="address" aria-label={t('blocked_address_label')}>
        {details.displayUrl}
      </p>
      {state.step === 'saved' ? (
        <p class="confirmation" role="status">
          <Tick />
          {t('ks1_ask_saved')}
        </p>
      ) : null}
      {state.step === 'failed' ? (
        <p class="problem" role="alert">
          {t('ask_failed')}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="big go-back" onClick={() => void goBack()}>
          <BackArrow />
          <span>{t('go_back')}</span>
        </button>
        {state.step !== 'saved' ? (
          <button
            type="button"
            class="big ask"
            disabled={state.step === 'sending'}
            onClick={() => void askToVisit(details.blockedUrl, '')}
          >
            <RaisedHand />
            <span>{t('ks1_ask_teacher')}</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
