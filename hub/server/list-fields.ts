// Body fields shared by the school list routes: a site (checked and made canonical by the same
// parser the extension uses for every list), a key stage, and the reason every change needs.
import { z } from 'zod';
import type { KeyStage } from '../../shared/policy-model';
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';
import { displayText } from './validation';

/** Canonical site text; a bad site is refused with the parser's reason. */
export const siteField = z
  .string({ error: 'expected the site as text' })
  .transform((text, context) => {
    const parsed = parseSiteEntry(text);
    if (parsed.ok) return formatSiteEntry(parsed.entry);
    context.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

export const keyStageField = z.enum(['ks1', 'ks2'], { error: "expected 'ks1' or 'ks2'" });

/** Why: the change log keeps it, so a change without one is refused. */
export const reasonField = z
  .string({ error: 'give the reason for the change' })
  .pipe(displayText(500));

/** A note that may be left empty (a decision's). */
export const noteField = z
  .string({ error: 'expected text' })
  .trim()
  .max(500, 'is longer than 500 characters')
  .regex(/^[^\p{Cc}]*$/u, 'has a control character in it');

export const keyStageLabel = (keyStage: KeyStage) => keyStage.toUpperCase();
