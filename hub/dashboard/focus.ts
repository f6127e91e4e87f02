// Moving focus after an action a keyboard user took (a class opened, a lesson started or
// ended), so they land on what changed instead of being left where the old content was.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

const wanted = signal<string | null>(null);

export function requestFocus(id: string): void {
  wanted.value = id;
}

/** A ref for the heading `id`; it takes focus when focus was requested for it. */
export function useFocusTarget<T extends HTMLElement>(id: string) {
  const ref = useRef<T>(null);
  const current = wanted.value;
  useEffect(() => {
    if (current !== id || !ref.current) return;
    wanted.value = null;
    ref.current.focus();
  }, [current, id]);
  return ref;
}
