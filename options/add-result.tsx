// What an add or import did: how many were added, how many were already there, and each line
// that was refused, in the words describeLineError gives it.
import { describeLineError } from '../shared/list-text';
import type { ListName } from '../shared/policy-model';
import type { AddOutcome } from './add-sites';
import { t } from './i18n';

function summary(outcome: AddOutcome | null): string {
  if (outcome?.kind !== 'added') return '';
  const { added, duplicates, errors } = outcome.result;
  const parts = [
    t('options_added_count', String(added)),
    t(duplicates === 1 ? 'options_duplicates_one' : 'options_duplicates_many', String(duplicates)),
  ];
  if (errors.length > 0) parts.push(t('options_some_lines_not_added', String(errors.length)));
  return parts.join(' ');
}

export function AddResult({ outcome, list }: { outcome: AddOutcome | null; list: ListName }) {
  const errors = outcome?.kind === 'added' ? outcome.result.errors : [];
  return (
    <div class="add-result">
      <p role="status" class="outcome">
        {summary(outcome)}
      </p>
      {outcome?.kind === 'failed' ? (
        <p class="error" role="alert">
          {outcome.error}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <section class="line-errors" aria-labelledby={`line-errors-${list}`}>
          <h4 id={`line-errors-${list}`}>{t('options_lines_not_added')}</h4>
          <ul>
            {errors.map((error) => (
              <li key={error.line}>{describeLineError(error)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
