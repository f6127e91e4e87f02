// A value read asynchronously that some moments need synchronously: a send must be stopped (or
// not) inside its own event, before the page's handlers run. Reading ahead on an earlier cheap
// moment (a focus) usually has the value ready by then; when it isn't, the caller holds the
// moment and waits. The source returns the same promise until its value changes (as the prompts
// config does), so a changed value is never mistaken for the one already known.

export interface ReadAhead<T> {
  /** The value if the source's current read has settled; otherwise null, and that read starts. */
  now(): T | null;
  /** The value once read; when it resolves, `now()` gives it until the source changes. */
  read(): Promise<T>;
}

export function readAhead<T>(source: () => Promise<T>): ReadAhead<T> {
  let known: { from: Promise<T>; value: T } | null = null;
  const read = (): Promise<T> => {
    const from = source();
    return from.then((value) => {
      // A slower earlier read never replaces a later one.
      if (source() === from) known = { from, value };
      return value;
    });
  };
  return {
    now() {
      if (known && known.from === source()) return known.value;
      void read().catch(() => undefined);
      return null;
    },
    read,
  };
}
