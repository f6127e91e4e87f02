// The classes this user may see (the hub decides: a teacher's own, or every class for the DSL
// and admin), and which one is open. The open class is in the address (#class=3), so a reload
// or the back button keeps it.
import { computed, signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { hub, read } from './api';

export type ClassSummary = InferResponseType<typeof hub.api.classes.$get>['classes'][number];

export const classes = signal<ClassSummary[] | null>(null);
export const classesError = signal<string | null>(null);

const HASH = /^#class=(\d{1,10})$/;

const hashClassId = (): number | null => {
  const id = HASH.exec(location.hash)?.[1];
  return id ? Number(id) : null;
};

const openId = signal<number | null>(hashClassId());
window.addEventListener('hashchange', () => (openId.value = hashClassId()));

/** The open class: the one in the address if this user sees it, or their only class. */
export const openClass = computed<ClassSummary | null>(() => {
  const list = classes.value ?? [];
  const chosen = list.find((item) => item.id === openId.value);
  if (chosen) return chosen;
  return list.length === 1 && openId.value === null ? (list[0] ?? null) : null;
});

export function openClassById(id: number): void {
  location.hash = `class=${id}`;
}

export async function loadClasses(): Promise<void> {
  classesError.value = null;
  try {
    classes.value = (await read(hub.api.classes.$get())).classes;
  } catch (error) {
    classesError.value = error instanceof Error ? error.message : String(error);
  }
}

/** Forgotten at logout, so the next teacher on this screen never sees them. */
export function forgetClasses(): void {
  classes.value = null;
  classesError.value = null;
}
