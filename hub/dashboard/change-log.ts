// The change log, a page at a time, newest first: every filtering change with who asked, who
// approved, when and why. The hub decides what each role sees.
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

export type ChangeLogEntry = InferResponseType<
  (typeof hub.api)['change-log']['$get']
>['entries'][number];

export const entries = signal<ChangeLogEntry[] | null>(null);
export const olderFrom = signal<number | null>(null);
export const changeLogError = signal<string | null>(null);

const PAGE = 50;

/** The newest page (`more` false) or the page after the last one shown. */
export async function loadChangeLog(more = false): Promise<void> {
  const before = more ? olderFrom.value : null;
  if (more && before === null) return;
  try {
    const query =
      before === null ? { limit: String(PAGE) } : { limit: String(PAGE), before: String(before) };
    const answer = await read(hub.api['change-log'].$get({ query }));
    entries.value = more ? [...(entries.value ?? []), ...answer.entries] : answer.entries;
    olderFrom.value = answer.nextBefore;
    changeLogError.value = null;
  } catch (error) {
    changeLogError.value = errorText(error);
  }
}

export function forgetChangeLog(): void {
  entries.value = null;
  olderFrom.value = null;
  changeLogError.value = null;
}
