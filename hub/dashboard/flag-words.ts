// How a flag reads to staff: what happened in the pupil's choice of words, and where they pressed.
import { t, type StringKey } from './strings';

const REASON_KEYS: Record<string, StringKey> = {
  upset: 'flag_reason_upset',
  unkind: 'flag_reason_unkind',
  contact: 'flag_reason_contact',
  other: 'flag_reason_other',
};

const SOURCE_KEYS: Record<string, StringKey> = {
  popup: 'flag_source_popup',
  shortcut: 'flag_source_shortcut',
  'context-menu': 'flag_source_context_menu',
  'block-page': 'flag_source_block_page',
  prompt: 'flag_source_prompt',
};

export const reasonWords = (reason: string | null): string => {
  const key = reason === null ? undefined : REASON_KEYS[reason];
  return key ? t(key) : t('flag_reason_none');
};

export const sourceWords = (source: string): string => {
  const key = SOURCE_KEYS[source];
  return key ? t(key) : source;
};
