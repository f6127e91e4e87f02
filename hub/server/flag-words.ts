// A flag's reason and source in words, for the incident log a person reads (and prints). The
// reasons are the pupil's own words on the flag screen (KS2's; KS1 picks the same as pictures).
import type { FlagReason, FlagSource } from '../../shared/flag';
import type { FlagStepAction } from './flag-handling';

export const REASON_WORDS: Record<FlagReason, string> = {
  upset: 'It upset me',
  unkind: 'Someone was unkind',
  contact: 'Someone asked to meet me or for my details',
  other: 'Something else',
};

/** Pressing Flag It alone already tells the teacher; the pupil may not have said more. */
export const NO_REASON_WORDS = 'No reason given';

export const reasonWords = (reason: FlagReason | null) =>
  reason === null ? NO_REASON_WORDS : REASON_WORDS[reason];

export const SOURCE_WORDS: Record<FlagSource, string> = {
  popup: 'the Flag It button',
  shortcut: 'the Flag It keyboard shortcut',
  'context-menu': 'the right-click menu',
  'block-page': 'the block page',
  prompt: 'a safety prompt',
};

export const STEP_WORDS: Record<FlagStepAction, string> = {
  acknowledged: 'acknowledged',
  escalated: 'escalated to the DSL',
  closed: 'closed',
};
