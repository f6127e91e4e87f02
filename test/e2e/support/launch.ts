import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { BrowserContext, Worker } from '@playwright/test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface LaunchOptions {
  /** Load the built extension; default true. */
  extension?: boolean;
  /** The unpacked extension; default <repo>/dist. */
  distDir?: string;
  /** Every hostname resolves to 127.0.0.1 on this port (see fixture-server.ts). */
  serverPort: number;
  /**
   * Appended after ours. Beware `--disable-features=` / `--enable-features=`: Chromium keeps only
   * the last occurrence, which would drop Playwright's own list (it disables HttpsUpgrades, among others).
   */
  extraArgs?: string[];
  headless?: boolean;
  /**
   * Start on this profile (a closed browser's `userDataDir`), as a browser restart does;
   * default a new empty one. Either way, close() deletes it.
   */
  userDataDir?: string;
  /**
   * Let Chromium handle downloads itself, into this folder, as on a pupil's Chromebook.
   * Playwright otherwise takes every download over through DevTools (`allowAndName`), and
   * Chromium then never asks extensions to name the file: the download guard would never run.
   */
  downloadsDir?: string;
}

export interface Launched {
  context: BrowserContext;
  extensionId: string | null;
  worker: Worker | null;
  userDataDir: string;
  close(): Promise<void>;
}

// Without these, Chromium keeps dialling Google hosts that this closed network refuses.
const QUIET_NETWORK_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-gpu',
];

const WORKER_TIMEOUT_MS = 15_000;

export async function launchBrowser(options: LaunchOptions): Promise<Launched> {
  const withExtension = options.extension ?? true;
  const distDir = path.resolve(options.distDir ?? path.join(repoRoot, 'dist'));
  if (withExtension && !existsSync(path.join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run \`npm run build\` first.`);
  }

  const args = [
    ...QUIET_NETWORK_ARGS,
    '--ignore-certificate-errors',
    // localhost stays real so a test can still reach its own helpers there.
    `--host-resolver-rules=MAP * 127.0.0.1:${options.serverPort},EXCLUDE localhost`,
    ...(withExtension
      ? [`--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`]
      : []),
    ...(options.extraArgs ?? []),
  ];

  const userDataDir =
    options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'safe-class-e2e-')));
  if (options.downloadsDir && !options.userDataDir) {
    await writeDownloadPreferences(userDataDir, options.downloadsDir);
  }
  const removeProfile = () =>
    rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: options.headless ?? true,
      args,
      ignoreHTTPSErrors: true,
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  const close = async () => {
    await context.close();
    await removeProfile();
  };

  if (options.downloadsDir) {
    try {
      await handDownloadsToChromium(context);
    } catch (error) {
      await close();
      throw error;
    }
  }

  if (!withExtension) return { context, extensionId: null, worker: null, userDataDir, close };

  try {
    const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', {
        predicate: isExtensionWorker,
        timeout: WORKER_TIMEOUT_MS,
      }));
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, worker, userDataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A new profile's download folder, without the "Save as" prompt a pupil never sees either. */
async function writeDownloadPreferences(userDataDir: string, downloadsDir: string): Promise<void> {
  await mkdir(path.join(userDataDir, 'Default'), { recursive: true });
  const download = { default_directory: downloadsDir, prompt_for_download: false };
  await writeFile(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download, savefile: { default_directory: downloadsDir } }),
  );
}

/**
 * Undoes Playwright's `Browser.setDownloadBehavior` (sent for every context it makes), so
 * Chromium's own download path runs: the one that asks extensions through
 * downloads.onDeterminingFilename. The Browser domain answers on a page's session too.
 */
async function handDownloadsToChromium(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    await session.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await session.detach();
  } finally {
    await page.close();
  }
}

/**
 * Stops the extension's service worker the way Chromium does when it goes idle; Playwright
 * otherwise keeps it alive for the whole test. Resolves once Chromium reports it stopped.
 *
 * The CDP ServiceWorker domain only acts on the origin of the page it is attached to, hence the
 * extension page. Playwright's Worker handle survives the restart (an event such as a message wakes
 * the worker with fresh globals), but evaluate() on it hangs while the worker is stopped.
 */
export async function stopExtensionWorkers(
  context: BrowserContext,
  extensionId: string,
  pagePath = 'extension/blocked.html',
): Promise<void> {
  const origin = `chrome-extension://${extensionId}/`;
  const page = await context.newPage();
  try {
    await page.goto(origin + pagePath);
    const session = await context.newCDPSession(page);
    try {
      const status = new Map<string, string>();
      let onChange = () => {};
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (version.scriptURL.startsWith(origin))
            status.set(version.versionId, version.runningStatus);
        }
        onChange();
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      // stopAllWorkers answers while the worker is still "stopping".
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Worker of ${extensionId} did not stop: ${[...status.values()]}`)),
          WORKER_TIMEOUT_MS,
        );
        onChange = () => {
          if (status.size > 0 && [...status.values()].every((running) => running === 'stopped')) {
            clearTimeout(timer);
            resolve();
          }
        };
        onChange();
      });
    } finally {
      await session.detach();
    }
  } finally {
    await page.close();
  }
}

/** The id Chromium derives from a manifest `key`: sha256 of the DER bytes, hex digits 0-f spelt a-p. */
export function expectedExtensionId(manifestKeyBase64: string): string {
  const digest = createHash('sha256')
    .update(Buffer.from(manifestKeyBase64, 'base64'))
    .digest('hex');
  return [...digest.slice(0, 32)]
    .map((hex) => String.fromCharCode('a'.charCodeAt(0) + parseInt(hex, 16)))
    .join('');
}
