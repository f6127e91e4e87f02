// The school's keyword list: terms a device watches for in search terms and page titles, raising
// a keyword alert for the DSL (shared/flag.ts). The DSL and the admin edit it; every change is in
// the change log (who, when, what was added and removed) and reaches every device of the school in
// its snapshot. Stored lower-case, sorted and without duplicates, so a list pasted twice or in
// capitals is the same list.
import { z } from 'zod';
import { keywordListSchema, MAX_KEYWORDS } from '../../shared/flag';
import { writeChangeLog } from './change-log';
import type { HubDb } from './database';
import type { SessionUser } from './hub-env';

/** A keyword as the DSL types it; the same bounds as keywordListSchema, with messages. */
const keywordItem = z
  .string({ error: 'expected text' })
  .trim()
  .min(2, 'is shorter than 2 characters')
  .max(100, 'is longer than 100 characters')
  .regex(/^[^\p{Cc}]*$/u, 'has a control character in it');

/** Lower-cased with runs of spaces made one, so "Self  Harm" and "self harm" are one keyword. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  const normal = keywords.map((keyword) => keyword.toLowerCase().replace(/\s+/g, ' '));
  return [...new Set(normal)].sort();
}

/**
 * The list as a body gives it: checked item by item (naming the bad one), normalised, then
 * checked against the contract itself, since lower-casing can lengthen a word.
 */
export const keywordsField = z
  .array(keywordItem, { error: 'expected a list of keywords' })
  .max(MAX_KEYWORDS, `expected at most ${MAX_KEYWORDS} keywords`)
  .transform(normaliseKeywords)
  .pipe(keywordListSchema);

const storedList = z.string().transform((text) => keywordListSchema.parse(JSON.parse(text)));

/** What a device gets as `keywords`: empty while the school has no list. */
export async function keywordsFor(db: HubDb, schoolId: number): Promise<string[]> {
  const row = await db
    .selectFrom('school_keywords')
    .select('keywords')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? storedList.parse(row.keywords) : [];
}

export interface KeywordListView {
  keywords: string[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function readKeywordList(db: HubDb, schoolId: number): Promise<KeywordListView> {
  const row = await db
    .selectFrom('school_keywords')
    .leftJoin('users', 'users.id', 'school_keywords.updated_by')
    .select(['school_keywords.keywords', 'school_keywords.updated_at', 'users.name'])
    .where('school_keywords.school_id', '=', schoolId)
    .executeTakeFirst();
  if (!row) return { keywords: [], updatedBy: null, updatedAt: null };
  return {
    keywords: storedList.parse(row.keywords),
    updatedBy: row.name,
    updatedAt: row.updated_at,
  };
}

/** The change log names at most this many added and removed keywords, then counts the rest. */
const NAMED_IN_LOG = 20;

function listed(words: readonly string[]): string {
  const named = words
    .slice(0, NAMED_IN_LOG)
    .map((word) => `'${word}'`)
    .join(', ');
  const more = words.length - NAMED_IN_LOG;
  return more > 0 ? `${named} and ${more} more` : named;
}

export function describeKeywordChange(before: readonly string[], after: readonly string[]): string {
  const added = after.filter((word) => !before.includes(word));
  const removed = before.filter((word) => !after.includes(word));
  const parts = [];
  if (added.length > 0) parts.push(`added ${listed(added)}`);
  if (removed.length > 0) parts.push(`removed ${listed(removed)}`);
  const count = `${after.length} keyword${after.length === 1 ? '' : 's'}`;
  return `Changed the keyword list (now ${count}): ${parts.join('; ')}`;
}

/**
 * Replaces the school's list and logs the change, in one transaction. `changed` is false when
 * the list is the one already stored: nothing is written, logged or sent to devices.
 */
export async function setKeywordList(
  db: HubDb,
  input: { user: SessionUser; keywords: string[]; reason: string; now: Date },
): Promise<{ list: KeywordListView; changed: boolean }> {
  const { user, keywords, now } = input;
  return db.transaction().execute(async (trx) => {
    const before = await keywordsFor(trx, user.schoolId);
    const same =
      before.length === keywords.length && before.every((word, i) => word === keywords[i]);
    if (!same) {
      const values = {
        keywords: JSON.stringify(keywords),
        updated_by: user.id,
        updated_at: now.toISOString(),
      };
      await trx
        .insertInto('school_keywords')
        .values({ school_id: user.schoolId, ...values })
        .onConflict((conflict) => conflict.column('school_id').doUpdateSet(values))
        .execute();
      await writeChangeLog(trx, {
        schoolId: user.schoolId,
        at: now,
        action: 'keywords.changed',
        summary: describeKeywordChange(before, keywords),
        classId: null,
        askedBy: user.name,
        approvedBy: user.name,
        reason: input.reason,
      });
    }
    return { list: await readKeywordList(trx, user.schoolId), changed: !same };
  });
}
