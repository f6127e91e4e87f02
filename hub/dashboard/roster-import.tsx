// Importing a class's roster from a CSV file (name, email, class). The hub reads the file, keeps
// the good lines and names each bad one by its line; that answer is shown as it is.
import { useSignal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { csrfTokenNow, errorText, hub, read } from './api';
import { loadClasses } from './classes';
import { ErrorText } from './messages';
import { track, type Notice } from './session';
import { t } from './strings';

type RosterRoute = (typeof hub.api.classes)[':id']['roster']['$post'];
type RosterResult = InferResponseType<RosterRoute, 200>;

/** Bigger than the hub takes (1 MB), so the page says so before sending it. */
const MAX_BYTES = 1_000_000;

interface Props {
  classId: number;
  className: string;
  onNotice: (notice: Notice) => void;
}

export function RosterImport({ classId, className, onNotice }: Props) {
  const result = useSignal<RosterResult | null>(null);
  const error = useSignal<string | null>(null);
  const inputId = `roster-${classId}`;

  async function upload(file: File) {
    result.value = null;
    error.value = null;
    if (file.size > MAX_BYTES) {
      error.value = t('roster_too_big');
      return;
    }
    try {
      const text = await file.text();
      const answer = await track(() =>
        read(
          hub.api.classes[':id'].roster.$post(
            { param: { id: String(classId) } },
            {
              init: { body: text },
              headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrfTokenNow() },
            },
          ),
        ),
      );
      result.value = answer;
      await loadClasses();
      onNotice({
        text: t('roster_done', {
          class: className,
          added: answer.added,
          updated: answer.updated,
          unchanged: answer.unchanged,
          errors: answer.errorCount,
        }),
        tone: answer.errorCount > 0 ? 'alert' : 'status',
      });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <div class="roster-import">
      <label for={inputId}>{t('roster_choose', { class: className })}</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) void upload(file);
        }}
      />
      <ErrorText message={error.value} />
      {result.value && result.value.errors.length > 0 ? (
        <ul class="roster-errors" aria-label={t('roster_errors_label', { class: className })}>
          {result.value.errors.map((line, index) => (
            <li key={index}>{line.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
