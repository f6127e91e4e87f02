// A prompt or download record's kind and outcome in words, for the weekly summary a governor
// reads and prints (the dashboard's records panel has its own words in strings.ts). Typed by the
// shared lists, so a kind or outcome added there is a type error here until it has words.
import {
  PUPIL_EVENT_KINDS,
  type PupilEventKind,
  type PupilEventOutcome,
} from '../../shared/pupil-event';

const KIND_WORDS: Record<PupilEventKind, string> = {
  'zip-it': 'Zip It',
  'block-it': 'Block It',
  download: 'Downloads',
  copyright: 'Copyright',
};

const OUTCOME_WORDS: { [K in PupilEventKind]: Record<PupilEventOutcome<K>, string> } = {
  'zip-it': { 'kept-private': 'kept private', 'teacher-said-ok': 'teacher said OK' },
  'block-it': { stayed: 'stayed', flagged: 'flagged' },
  download: {
    blocked: 'blocked',
    held: 'held for a teacher',
    allowed: 'allowed',
    approved: 'approved by a teacher',
  },
  copyright: { reminded: 'reminded', 'citation-copied': 'copied the citation' },
};

/** Every kind, in the shared order, with its words. */
export const KIND_VALUES = PUPIL_EVENT_KINDS.map((kind) => ({
  value: kind,
  label: KIND_WORDS[kind],
}));

/** Every outcome of every kind, named with its kind ("Zip It: teacher said OK"). */
export const OUTCOME_VALUES = PUPIL_EVENT_KINDS.flatMap((kind) =>
  Object.entries<string>(OUTCOME_WORDS[kind]).map(([value, words]) => ({
    value,
    label: `${KIND_WORDS[kind]}: ${words}`,
  })),
);
