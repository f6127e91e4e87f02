// Zip It decides inside a send's own event, so it needs the prompts config at once: the config
// read ahead on a focus is known by then, and a config that changed is read again, never reused.
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../shared/read-ahead';

/** A source like the prompts script's config: one cached promise until the value changes. */
function source<T>(first: T) {
  let reads = 0;
  let current: Promise<T> | null = null;
  let value = first;
  return {
    read: () => {
      if (!current) {
        reads++;
        current = Promise.resolve(value);
      }
      return current;
    },
    change(next: T) {
      value = next;
      current = Promise.resolve(next);
    },
    reads: () => reads,
  };
}

describe('readAhead', () => {
  it('knows nothing before the first read, and starts it when asked', async () => {
    const config = source('ks1');
    const ahead = readAhead(config.read);
    expect(config.reads()).toBe(0);
    expect(ahead.now()).toBeNull();
    expect(config.reads()).toBe(1);
    await Promise.resolve();
    expect(ahead.now()).toBe('ks1');
    expect(config.reads()).toBe(1);
  });

  it('makes the value known as soon as read() resolves', async () => {
    const ahead = readAhead(source(42).read);
    expect(await ahead.read()).toBe(42);
    expect(ahead.now()).toBe(42);
  });

  it('does not give an old value once the source has changed', async () => {
    const config = source('ks1');
    const ahead = readAhead(config.read);
    await ahead.read();
    config.change('ks2');
    expect(ahead.now()).toBeNull();
    expect(await ahead.read()).toBe('ks2');
    expect(ahead.now()).toBe('ks2');
  });

  it('never lets an earlier read that settles late replace a later one', async () => {
    let release: (value: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (release = resolve));
    let current: Promise<string> = slow;
    const ahead = readAhead(() => current);
    const first = ahead.read();
    current = Promise.resolve('new');
    expect(await ahead.read()).toBe('new');
    release('old');
    expect(await first).toBe('old');
    expect(ahead.now()).toBe('new');
  });

  it('stays unknown when every read is a new promise (a disconnected page)', async () => {
    const ahead = readAhead(() => Promise.resolve('fallback'));
    expect(await ahead.read()).toBe('fallback');
    expect(ahead.now()).toBeNull();
  });
});
