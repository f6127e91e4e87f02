// A picture of the flagged page, only when the school switched it on (managed `flagScreenshots`):
// the content may be illegal imagery, so by default a flag holds the address alone. Taken
// before the page is covered, as a low-quality JPEG kept under the hub's size cap.
import browser from 'webextension-polyfill';
import { MAX_FLAG_SCREENSHOT_CHARS } from '../../shared/flag';
import { readManagedState } from '../policy-store';

const FIRST_QUALITY = 35;
/** Smaller and rougher until it fits; the page is covered by then, so it can't be taken again. */
const SHRINK_STEPS: readonly { scale: number; quality: number }[] = [
  { scale: 1, quality: 0.2 },
  { scale: 0.75, quality: 0.2 },
  { scale: 0.5, quality: 0.2 },
  { scale: 0.35, quality: 0.15 },
];
const JPEG_DATA_URL = /^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/;

export async function screenshotsWanted(): Promise<boolean> {
  return (await readManagedState()).fields.flagScreenshots === true;
}

const fits = (dataUrl: string) =>
  dataUrl.length <= MAX_FLAG_SCREENSHOT_CHARS && JPEG_DATA_URL.test(dataUrl);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Re-encodes a picture too large for the hub, smaller each time; null if none fits. */
async function shrink(dataUrl: string): Promise<string | null> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') {
    return null;
  }
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  for (const { scale, quality } of SHRINK_STEPS) {
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
    );
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    const smaller = `data:image/jpeg;base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
    if (fits(smaller)) return smaller;
  }
  return null;
}

/**
 * The visible tab of the window as a JPEG data URL, or null: Chrome refuses browser pages and
 * other extensions' pages, and a flag never waits on a picture.
 */
export async function captureForFlag(windowId: number): Promise<string | null> {
  try {
    const shot = await browser.tabs.captureVisibleTab(windowId, {
      format: 'jpeg',
      quality: FIRST_QUALITY,
    });
    return fits(shot) ? shot : await shrink(shot);
  } catch (error) {
    console.warn('No screenshot for this flag', error);
    return null;
  }
}
