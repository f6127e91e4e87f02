// How list names, entry sources and times read on the page.
import browser from 'webextension-polyfill';
import type { EntrySource, ListName } from '../shared/policy-model';
import { t } from './i18n';

export const LIST_LABEL_KEYS: Record<ListName, string> = {
  ks1: 'options_list_ks1',
  ks2: 'options_list_ks2',
  alwaysBlocked: 'options_list_always_blocked',
  imageSources: 'options_list_image_sources',
};

/** Used in export file names, which are read outside the extension. */
export const LIST_FILE_SLUGS: Record<ListName, string> = {
  ks1: 'ks1',
  ks2: 'ks2',
  alwaysBlocked: 'always-blocked',
  imageSources: 'image-sources',
};

export const SOURCE_LABEL_KEYS: Record<EntrySource, string> = {
  managed: 'options_source_managed',
  hub: 'options_source_hub',
  local: 'options_source_local',
  approval: 'options_source_approval',
  lesson: 'options_source_lesson',
  starter: 'options_source_starter',
};

export const listLabel = (list: ListName): string => t(LIST_LABEL_KEYS[list]);

const dateTime = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A stored ISO time as a person reads it; text that isn't a time is shown as it is. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTime.format(time);
}
