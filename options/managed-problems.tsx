// Problems in the school's managed policy. The background kept the last good value of each
// broken setting; an admin can only fix the source in Google Admin, so say so.
import { t } from './i18n';

export function ManagedProblems({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <section class="card warning" aria-labelledby="managed-problems-heading">
      <h2 id="managed-problems-heading">
        <span aria-hidden="true">⚠ </span>
        {t('options_managed_problems_heading')}
      </h2>
      <p>{t('options_managed_problems_intro')}</p>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>{error}</li>
        ))}
      </ul>
    </section>
  );
}
