// For the prompts' e2e specs: knowing the prompts content script has started on a page (it runs
// at document_idle, which can be just after `load`), the records the worker kept, and every
// button on the page, including those inside the extension's closed shadow roots.
import type { Page, Worker } from '@playwright/test';

interface ExecutionContext {
  name: string;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/**
 * Resolves once the extension's isolated world exists in the page's main frame: Chrome creates
 * it to run the first content script there, the prompts script on an allowed page, whose start
 * is synchronous (listeners only), so its listeners are in place by the time this resolves.
 */
export async function waitForPromptsScript(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const mainFrame = frameTree.frame.id;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The prompts script did not start on the page.')),
        10_000,
      );
      cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
        const ours =
          context.auxData?.type === 'isolated' &&
          context.auxData.frameId === mainFrame &&
          (context.origin.includes(extensionId) || context.name === 'Safe Class');
        if (ours) {
          clearTimeout(timer);
          resolve();
        }
      });
      // Enabling reports the contexts that already exist, then new ones as they come.
      void cdp.send('Runtime.enable').catch(reject);
    });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export interface StoredPupilEvent {
  kind: string;
  detail: string;
  outcome: string;
  site: string;
  target?: string;
}

/** The pupil events the worker has stored (background/pupil-events/pupil-event-store.ts). */
export function storedPupilEvents(worker: Worker): Promise<StoredPupilEvent[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredPupilEvent[]>((resolve, reject) => {
        const open = indexedDB.open('safe-class');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('pupilEvents').objectStore('pupilEvents').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const events = all.result as (StoredPupilEvent & { createdAt: string })[];
            events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
            resolve(
              events.map(({ kind, detail, outcome, site, target }) => ({
                kind,
                detail,
                outcome,
                site,
                ...(target ? { target } : {}),
              })),
            );
          };
        };
      }),
  );
}

/** The accessible names of every button on the page, closed shadow roots included. */
export async function pageButtons(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
      nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string } }[];
    };
    return nodes
      .filter((node) => !node.ignored && node.role?.value === 'button')
      .map((node) => node.name?.value?.trim() ?? '');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
