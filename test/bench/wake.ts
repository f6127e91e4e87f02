// How long a stopped worker takes to wake and become ready. The message router answers only
// after the worker's start-up work (reading managed policy, checking the installed rules against
// the stored policy), so the round trip of one message from the options page measures it.
import type { BrowserContext, Worker } from '@playwright/test';
import { readEnforcement } from '../e2e/support/extension';
import { stopExtensionWorkers } from '../e2e/support/launch';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stops the worker, then times (in the options page) one 'admin.status' message until its
 * answer. Leaves the worker running, and checks Playwright's handle on it works again.
 */
export async function timeWakeToReady(
  context: BrowserContext,
  extensionId: string,
  worker: Worker,
  runs: number,
): Promise<number[]> {
  const page = await context.newPage();
  const samples: number[] = [];
  try {
    await page.goto(`chrome-extension://${extensionId}/options/index.html`);
    for (let i = 0; i < runs; i++) {
      await stopExtensionWorkers(context, extensionId);
      const answer = await page.evaluate(async () => {
        const start = performance.now();
        const reply = (await chrome.runtime.sendMessage({ name: 'admin.status', body: {} })) as
          { ok?: boolean; error?: string } | undefined;
        return { ms: performance.now() - start, ok: reply?.ok === true, error: reply?.error };
      });
      if (!answer.ok) throw new Error(`admin.status failed after a wake: ${answer.error}`);
      samples.push(answer.ms);
    }
  } finally {
    await page.close();
  }
  await withTimeout(readEnforcement(worker), 10_000, 'The worker did not answer after waking');
  return samples;
}
