import browser from 'webextension-polyfill';
import type { KeyStage } from '../shared/policy-model';
import { blockPageSubstitution, type BlockReason } from '../shared/rule-compiler';

export const BLOCK_PAGE_PATH = 'extension/blocked.html';

/** The block page's URL without query or fragment, as the compiler needs it. */
export const blockPageBase = (): string => browser.runtime.getURL(BLOCK_PAGE_PATH);

/** A block page address for one blocked URL, in the same shape the DNR redirect produces. */
export function blockPageFor(url: string, reason: BlockReason, keyStage: KeyStage): string {
  return blockPageSubstitution(blockPageBase(), reason, keyStage).replace('#\\0', `#${url}`);
}
