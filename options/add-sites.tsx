// Adding sites by typing them or by importing a .txt or .csv file. Both go to the background
// as text, which keeps every valid line and reports the rest by line number.
import { useSignal } from '@preact/signals';
import type { MessageResponse } from '../shared/messages';
import type { ListName } from '../shared/policy-model';
import { ActionButton } from './action-button';
import { AddResult } from './add-result';
import { listLabel } from './format';
import { t } from './i18n';
import { busy, change, errorText } from './session';

// The largest text the background accepts (shared/messages.ts); a bigger file is refused here
// rather than after a slow read and send.
const MAX_TEXT_LENGTH = 5_000_000;

export type AddOutcome =
  | { kind: 'added'; result: MessageResponse<'admin.addEntries'> }
  | { kind: 'failed'; error: string };

export function AddSites({ list }: { list: ListName }) {
  const text = useSignal('');
  const outcome = useSignal<AddOutcome | null>(null);
  const ids = { text: `add-${list}`, hint: `add-${list}-hint`, file: `import-${list}` };

  async function add(source: string): Promise<boolean> {
    outcome.value = null;
    try {
      const result = await change('admin.addEntries', { list, text: source });
      outcome.value = { kind: 'added', result };
      return result.errors.length === 0;
    } catch (error) {
      outcome.value = { kind: 'failed', error: errorText(error) };
      return false;
    }
  }

  async function addTyped() {
    if (text.value.trim() === '') {
      outcome.value = { kind: 'failed', error: t('options_add_empty') };
      return;
    }
    // Kept when some lines failed, so the line numbers in the report still point into it.
    if (await add(text.value)) text.value = '';
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file || busy.value) return;
    if (file.size > MAX_TEXT_LENGTH) {
      outcome.value = { kind: 'failed', error: t('options_import_too_big', file.name) };
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      outcome.value = { kind: 'failed', error: errorText(error) };
      return;
    }
    await add(content);
  }

  return (
    <div class="add-sites">
      <h3>{t('options_add_heading', listLabel(list))}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy.value) void addTyped();
        }}
      >
        <label for={ids.text}>{t('options_add_label')}</label>
        <p class="hint" id={ids.hint}>
          {t('options_add_hint')}
        </p>
        <textarea
          id={ids.text}
          rows={5}
          spellcheck={false}
          autoCapitalize="off"
          aria-describedby={ids.hint}
          value={text.value}
          onInput={(event) => (text.value = event.currentTarget.value)}
        />
        <ActionButton type="submit" variant="primary">
          {t('options_add_submit')}
        </ActionButton>
      </form>
      <div class="field import">
        <label for={ids.file}>{t('options_import_label')}</label>
        <input
          type="file"
          id={ids.file}
          accept=".txt,.csv,text/plain,text/csv"
          aria-disabled={busy.value ? 'true' : undefined}
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </div>
      <AddResult outcome={outcome.value} list={list} />
    </div>
  );
}
