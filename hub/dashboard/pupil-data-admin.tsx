// School admin: one pupil's data. Find them by name or email, download everything the hub holds
// about them (JSON or CSV), or erase it: the confirm step first asks the hub what erasing would
// remove and keep (a dry run), and says so before anything is erased.
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import {
  dataLink,
  erasePupil,
  erasurePlan,
  findPupils,
  type ErasureAnswer,
  type FoundPupil,
} from './data-protection';
import { requestFocus, useFocusTarget } from './focus';
import { ErrorText, NoticeText } from './messages';
import { track, type Notice } from './session';
import { t } from './strings';
import { TextField } from './text-field';

type Plan = ErasureAnswer['erasure'];

function ConfirmErase(props: {
  pupil: FoundPupil;
  plan: Plan;
  onCancel: () => void;
  onErased: (answer: ErasureAnswer) => void;
}) {
  const { pupil, plan } = props;
  const headingId = `erase-heading-${pupil.id}`;
  const heading = useFocusTarget<HTMLHeadingElement>(headingId);
  const reason = useSignal('');
  const error = useSignal<string | null>(null);

  async function erase() {
    error.value = reason.value.trim() ? null : t('pupil_data_reason_empty');
    if (error.value) return;
    try {
      props.onErased(await track(() => erasePupil(pupil.id, reason.value.trim())));
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <div class="erase-confirm" role="group" aria-labelledby={headingId}>
      <h5 id={headingId} ref={heading} tabIndex={-1}>
        {t('pupil_data_confirm_heading', { name: pupil.name })}
      </h5>
      <p>{t('pupil_data_removes')}</p>
      {plan.removed.length === 0 ? (
        <p>{t('pupil_data_removes_nothing')}</p>
      ) : (
        <ul>
          {plan.removed.map((item) => (
            <li key={item.type}>
              {t('pupil_data_count', { label: item.label, count: item.count })}
            </li>
          ))}
        </ul>
      )}
      {plan.kept.length === 0 ? (
        <p>{t('pupil_data_keeps_nothing')}</p>
      ) : (
        <>
          <p>{t('pupil_data_keeps')}</p>
          <ul>
            {plan.kept.map((item) => (
              <li key={`${item.type}-${item.key}`}>
                {t('pupil_data_kept_item', { label: item.label, key: item.key, why: item.why })}
              </li>
            ))}
          </ul>
        </>
      )}
      <BusyForm onSubmit={erase} labelledBy={headingId}>
        <TextField
          id={`erase-reason-${pupil.id}`}
          label={t('pupil_data_reason')}
          value={reason}
          maxLength={500}
        />
        <ErrorText message={error.value} />
        <div class="buttons">
          <ActionButton type="submit" variant="danger">
            {t('pupil_data_erase_confirm')}
          </ActionButton>
          <ActionButton onPress={props.onCancel}>{t('pupil_data_cancel')}</ActionButton>
        </div>
      </BusyForm>
    </div>
  );
}

function PupilResult(props: { pupil: FoundPupil; onErased: (answer: ErasureAnswer) => void }) {
  const { pupil } = props;
  const plan = useSignal<Plan | null>(null);
  const error = useSignal<string | null>(null);
  const nameId = `pupil-result-${pupil.id}`;

  async function askPlan() {
    error.value = null;
    try {
      const answer = await track(() => erasurePlan(pupil.id));
      plan.value = answer.erasure;
      requestFocus(`erase-heading-${pupil.id}`);
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <li aria-labelledby={nameId}>
      <h4 id={nameId}>{pupil.name}</h4>
      <p>{t('pupil_data_who', { email: pupil.email, class: pupil.class.name })}</p>
      <p class="links">
        <a href={dataLink(pupil.id, 'json')} download>
          {t('pupil_data_json', { name: pupil.name })}
        </a>
        <a href={dataLink(pupil.id, 'csv')} download>
          {t('pupil_data_csv', { name: pupil.name })}
        </a>
      </p>
      <ErrorText message={error.value} />
      {plan.value ? (
        <ConfirmErase
          pupil={pupil}
          plan={plan.value}
          onCancel={() => (plan.value = null)}
          onErased={props.onErased}
        />
      ) : (
        <ActionButton variant="danger" onPress={() => void askPlan()}>
          {t('pupil_data_erase', { name: pupil.name })}
        </ActionButton>
      )}
    </li>
  );
}

export function PupilDataAdmin() {
  const heading = useFocusTarget<HTMLHeadingElement>('admin-pupil-data-heading');
  const query = useSignal('');
  const found = useSignal<FoundPupil[] | null>(null);
  const error = useSignal<string | null>(null);
  const notice = useSignal<Notice | null>(null);

  async function search() {
    notice.value = null;
    error.value = query.value.trim().length < 2 ? t('pupil_data_search_short') : null;
    if (error.value) return;
    try {
      found.value = await track(() => findPupils(query.value.trim()));
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  function erased(pupil: FoundPupil, answer: ErasureAnswer) {
    found.value = (found.value ?? []).filter((other) => other.id !== pupil.id);
    const kept = answer.erasure.kept.length;
    notice.value = {
      tone: 'status',
      text: answer.alreadyErased
        ? t('pupil_data_already')
        : kept > 0
          ? t('pupil_data_erased_kept', { name: pupil.name, count: kept })
          : t('pupil_data_erased', { name: pupil.name }),
    };
    // The erased pupil's buttons are gone: the keyboard user lands on the section, whose status
    // line says what happened.
    requestFocus('admin-pupil-data-heading');
  }

  const list = found.value;
  return (
    <section class="card" aria-labelledby="admin-pupil-data-heading">
      <h3 id="admin-pupil-data-heading" ref={heading} tabIndex={-1}>
        {t('pupil_data_heading')}
      </h3>
      <p class="hint">{t('pupil_data_intro')}</p>
      <NoticeText notice={notice.value} />
      <BusyForm onSubmit={search} labelledBy="admin-pupil-data-heading">
        <TextField id="pupil-search" label={t('pupil_data_search')} value={query} maxLength={100} />
        <ErrorText message={error.value} />
        <ActionButton type="submit">{t('pupil_data_find')}</ActionButton>
      </BusyForm>
      {list === null ? null : list.length === 0 ? (
        <p>{t('pupil_data_none')}</p>
      ) : (
        <ul class="pupil-results" aria-label={t('pupil_data_found')}>
          {list.map((pupil) => (
            <PupilResult
              key={pupil.id}
              pupil={pupil}
              onErased={(answer) => erased(pupil, answer)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
