// Exports a list exactly as shown, every source included, so a school can keep a record of it
// or move it to another device (the import reads the first column and ignores the rest).
import { formatListText } from '../shared/list-text';
import type { ListName, StoredEntry } from '../shared/policy-model';
import { ActionButton } from './action-button';
import { downloadText } from './download';
import { LIST_FILE_SLUGS } from './format';
import { t } from './i18n';

const TYPES = { txt: 'text/plain;charset=utf-8', csv: 'text/csv;charset=utf-8' } as const;

export function ExportButtons({
  list,
  entries,
}: {
  list: ListName;
  entries: readonly StoredEntry[];
}) {
  const save = (format: 'txt' | 'csv') =>
    downloadText(
      formatListText(entries, format),
      `safe-class-${LIST_FILE_SLUGS[list]}-sites.${format}`,
      TYPES[format],
    );
  return (
    <div class="export">
      <h3>{t('options_export_heading')}</h3>
      <div class="buttons">
        <ActionButton onPress={() => save('txt')}>{t('options_export_txt')}</ActionButton>
        <ActionButton onPress={() => save('csv')}>{t('options_export_csv')}</ActionButton>
      </div>
    </div>
  );
}
