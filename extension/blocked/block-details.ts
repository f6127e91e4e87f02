// What the block page was told: the DNR redirect (or the backstop) puts the key stage and the
// reason in the query and the blocked address in the fragment, so the page renders without
// asking the worker anything.
import type { KeyStage } from '../../shared/policy-model';
import type { BlockReason } from '../../shared/rule-compiler';

export interface BlockDetails {
  keyStage: KeyStage;
  reason: BlockReason;
  /** The address exactly as blocked, for requests. */
  blockedUrl: string;
  /** The same address decoded for people to read. */
  displayUrl: string;
  /** Approved image sources to offer instead of image search (canonical site text). */
  imageSources: string[];
  inFrame: boolean;
}

const REASONS: readonly BlockReason[] = ['list', 'always', 'images', 'piracy', 'circumvention'];

function readableUrl(raw: string): string {
  try {
    return decodeURI(raw);
  } catch {
    return raw;
  }
}

export function readBlockDetails(location: Location, inFrame: boolean): BlockDetails {
  const query = new URLSearchParams(location.search);
  return {
    // No key stage in the address means the failsafe rules caught it: show the simplest page.
    keyStage: query.get('ks') === 'ks2' ? 'ks2' : 'ks1',
    reason: REASONS.find((reason) => reason === query.get('why')) ?? 'list',
    blockedUrl: location.hash.slice(1),
    displayUrl: readableUrl(location.hash.slice(1)),
    imageSources: (query.get('img') ?? '').split(' ').filter(Boolean),
    inFrame,
  };
}
