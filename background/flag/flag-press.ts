// The moment a pupil presses Flag It, from wherever they pressed it. The page goes at once
// (muted, covered, replaced by the flag screen), and the flag is stored on the device; the flag
// screen says the teacher knows only once it is (ARCHITECTURE rule 3). No page text is read.
import browser from 'webextension-polyfill';
import type { FlagSource } from '../../shared/flag';
import { broadcastPageEvent } from '../page-events';
import { currentPolicy } from '../rule-sync';
import { leaveForFlagScreen } from './cover-page';
import { captureForFlag, screenshotsWanted } from './flag-screenshot';
import { flagOnScreen, flagScreenUrl } from './flag-screen-url';
import { recentFlagFor, storeFlag } from './flag-store';
import { flaggedPage, type FlagTarget } from './flag-target';

async function mute(tabId: number): Promise<void> {
  try {
    await browser.tabs.update(tabId, { muted: true });
  } catch (error) {
    console.warn('Could not mute the flagged tab', error);
  }
}

async function screenshotOf(target: FlagTarget): Promise<string | null> {
  if (!target.active || target.windowId === undefined) return null;
  return (await screenshotsWanted()) ? captureForFlag(target.windowId) : null;
}

/** Flags the tab and returns the flag's id once the flag is stored. */
export async function pressFlag(target: FlagTarget, source: FlagSource): Promise<string> {
  // Pressed again on the flag screen itself: that flag is already told.
  const shown = flagOnScreen(target.url);
  if (shown) return shown;

  const muting = mute(target.tabId);
  const page = flaggedPage(target);
  const [recent, screenshot, { policy }] = await Promise.all([
    recentFlagFor(page.url),
    // Before the cover goes on, or the picture would be of the cover.
    screenshotOf(target),
    currentPolicy(),
  ]);
  const id = recent?.id ?? crypto.randomUUID();
  const stored = (
    recent
      ? Promise.resolve()
      : storeFlag({ ...page, source, screenshot }, id).then(() => undefined)
  ).then(
    () => broadcastPageEvent({ event: 'flag.stored', id }),
    async (error: unknown) => {
      await broadcastPageEvent({ event: 'flag.failed', id });
      throw error;
    },
  );
  // The cover doesn't wait for the write: the flag screen waits for it instead.
  await Promise.all([
    muting,
    leaveForFlagScreen(target.tabId, target.url, flagScreenUrl(id, policy.keyStage)).catch(
      (error: unknown) => console.error('The flagged page could not be left', error),
    ),
  ]);
  await stored;
  return id;
}
