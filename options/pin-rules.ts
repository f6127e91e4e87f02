// Checked here as well as in the background so a typo is explained before the slow hash runs.
import { t } from './i18n';

const PIN_PATTERN = /^\d{4,12}$/;

/** The problem with a new PIN and its confirmation, or null when both are fine. */
export function newPinProblem(pin: string, confirm: string): string | null {
  if (!PIN_PATTERN.test(pin)) return t('options_pin_rule');
  if (pin !== confirm) return t('options_pin_mismatch');
  return null;
}
