// One list: what it is for, its entries, and the ways to add to it or take it away.
import { useSignal } from '@preact/signals';
import type { AdminState } from '../shared/messages';
import type { ListName } from '../shared/policy-model';
import { AddSites } from './add-sites';
import { EntriesTable } from './entries-table';
import { ExportButtons } from './export-buttons';
import { t } from './i18n';
import type { Notice } from './session';

type ListView = AdminState['lists'][ListName];

const PURPOSE_KEYS: Record<ListName, string> = {
  ks1: 'options_list_ks1_purpose',
  ks2: 'options_list_ks2_purpose',
  alwaysBlocked: 'options_list_always_blocked_purpose',
  imageSources: 'options_list_image_sources_purpose',
};

interface Props {
  list: ListName;
  view: ListView;
  hidden: boolean;
}

export function ListPanel({ list, view, hidden }: Props) {
  // Outcome of the last removal from this list, shown above the table it changed.
  const removal = useSignal<Notice | null>(null);
  return (
    <div
      class="tabpanel"
      role="tabpanel"
      id={`panel-${list}`}
      aria-labelledby={`tab-${list}`}
      tabIndex={0}
      hidden={hidden}
    >
      <p>{t(PURPOSE_KEYS[list])}</p>
      {view.usingStarter ? (
        <p class="notice starter-notice">{t('options_starter_notice')}</p>
      ) : null}
      <EntriesTable list={list} entries={view.entries} removal={removal} />
      <AddSites list={list} />
      <ExportButtons list={list} entries={view.entries} />
    </div>
  );
}
