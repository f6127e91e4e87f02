// Writes to DNR and storage run one at a time, in order: two overlapping rule updates could
// otherwise interleave and leave a mix of old and new rules installed.
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

export const runSerially = createSerialQueue();
