// The filtering record's categories in words, for the weekly summary a governor reads and prints.
// Typed by the shared list, so a category added there is a type error here until it has words.
import { FILTERING_CATEGORIES, type FilteringCategory } from '../../shared/filtering-record';

const CATEGORY_WORDS: Record<FilteringCategory, string> = {
  list: 'Not on the school’s list',
  always: 'On the school’s always-blocked list',
  images: 'Image search',
  piracy: 'Piracy and stream ripping',
  circumvention: 'Getting round the filter',
};

/** Every category, in the shared order, with its words. */
export const CATEGORY_VALUES = FILTERING_CATEGORIES.map((category) => ({
  value: category,
  label: CATEGORY_WORDS[category],
}));

/** The line the weekly summary gives attempts to get round the filter, so they stand out. */
export const CIRCUMVENTION_HIGHLIGHT = {
  column: 'category',
  value: 'circumvention',
  label: 'Attempts to get round the filter (proxies, VPNs, chrome://extensions)',
} as const;
