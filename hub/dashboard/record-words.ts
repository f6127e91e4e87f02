// How a Zip It, Block It, copyright or download record reads to a teacher: the guard, what it was
// about and what happened next, in words (shared/pupil-event.ts has the codes).
import type { PupilEventKind } from '../../shared/pupil-event';
import { t, type StringKey } from './strings';

const KIND_KEYS: Record<PupilEventKind, StringKey> = {
  'zip-it': 'records_kind_zip_it',
  'block-it': 'records_kind_block_it',
  download: 'records_kind_download',
  copyright: 'records_kind_copyright',
};

const DETAIL_KEYS: Record<PupilEventKind, Record<string, StringKey>> = {
  'zip-it': {
    postcode: 'records_detail_postcode',
    phone: 'records_detail_phone',
    email: 'records_detail_email',
    address: 'records_detail_address',
    name: 'records_detail_name',
    'birth-date': 'records_detail_birth_date',
    school: 'records_detail_school',
    password: 'records_detail_password',
  },
  'block-it': { link: 'records_detail_link', attachment: 'records_detail_attachment' },
  download: {
    program: 'records_detail_program',
    torrent: 'records_detail_torrent',
    media: 'records_detail_media',
    document: 'records_detail_document',
    image: 'records_detail_image_file',
    other: 'records_detail_other_file',
  },
  copyright: { 'copied-text': 'records_detail_copied_text', image: 'records_detail_image' },
};

const OUTCOME_KEYS: Record<PupilEventKind, Record<string, StringKey>> = {
  'zip-it': {
    'kept-private': 'records_outcome_kept_private',
    'teacher-said-ok': 'records_outcome_teacher_said_ok',
  },
  'block-it': { stayed: 'records_outcome_stayed', flagged: 'records_outcome_flagged' },
  download: {
    blocked: 'records_outcome_blocked',
    held: 'records_outcome_held',
    allowed: 'records_outcome_allowed',
    approved: 'records_outcome_approved',
  },
  copyright: {
    reminded: 'records_outcome_reminded',
    'citation-copied': 'records_outcome_citation_copied',
  },
};

export const kindWords = (kind: PupilEventKind): string => t(KIND_KEYS[kind]);

/** A code the hub knows and this dashboard doesn't yet is shown as it is, never dropped. */
export const detailWords = (kind: PupilEventKind, detail: string): string => {
  const key = DETAIL_KEYS[kind][detail];
  return key ? t(key) : detail;
};

export const outcomeWords = (kind: PupilEventKind, outcome: string): string => {
  const key = OUTCOME_KEYS[kind][outcome];
  return key ? t(key) : outcome;
};
