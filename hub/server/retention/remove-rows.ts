// Removes rows of one record type the way the registry says, inside the caller's transaction:
// rows naming them go first (`delete`), or lose the link (`clear`); a row another row still
// needs (`block`) stays. The sweep and erasure both remove through here, so a foreign key can
// never stop either half-way.
import { sql } from 'kysely';
import type { HubDb } from '../database';
import { chunks, column, isOneOf, referrersOf, type Condition } from './record-sql';
import type { RecordType, RowKey } from './record-type';

/** Rows removed (or fields cleared), by record type name. */
export type Counts = Map<string, number>;

export const addCount = (counts: Counts, name: string, count: number) => {
  if (count > 0) counts.set(name, (counts.get(name) ?? 0) + count);
};

/** The keys among `keys` some referrer with `block` still names. */
async function heldKeys(db: HubDb, target: RecordType, keys: readonly RowKey[]) {
  const held = new Set<RowKey>();
  for (const { type, reference } of referrersOf(target)) {
    if (reference.onRemove !== 'block') continue;
    const rows = await sql<{ key: RowKey }>`select distinct ${column(type, reference.column)} as key
      from ${sql.table(type.table)} where ${isOneOf(type, reference.column, keys)}`.execute(db);
    for (const row of rows.rows) held.add(row.key);
  }
  return held;
}

export async function selectKeys(
  db: HubDb,
  type: RecordType,
  where: Condition,
  limit?: number,
): Promise<RowKey[]> {
  const rows = await sql<{ key: RowKey }>`select ${column(type, type.key)} as key
    from ${sql.table(type.table)} where ${where}
    order by ${column(type, type.key)} ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(
    db,
  );
  return rows.rows.map((row) => row.key);
}

/**
 * Removes the rows with these keys, and with them what names them; returns the keys held back
 * because a row that stays still names them.
 */
export async function removeRows(
  db: HubDb,
  type: RecordType,
  keys: readonly RowKey[],
  counts: Counts,
): Promise<RowKey[]> {
  const held: RowKey[] = [];
  for (const chunk of chunks(keys)) {
    const holding = await heldKeys(db, type, chunk);
    held.push(...chunk.filter((key) => holding.has(key)));
    const gone = chunk.filter((key) => !holding.has(key));
    if (gone.length === 0) continue;
    for (const { type: referrer, reference } of referrersOf(type)) {
      if (reference.onRemove === 'delete') {
        const children = await selectKeys(db, referrer, isOneOf(referrer, reference.column, gone));
        await removeRows(db, referrer, children, counts);
      } else if (reference.onRemove === 'clear') {
        await sql`update ${sql.table(referrer.table)} set ${sql.ref(reference.column)} = null
          where ${isOneOf(referrer, reference.column, gone)}`.execute(db);
      }
    }
    const result = await sql`delete from ${sql.table(type.table)}
      where ${isOneOf(type, type.key, gone)}`.execute(db);
    addCount(counts, type.name, Number(result.numAffectedRows ?? 0n));
  }
  return held;
}

/** Empties a column (the field-only record types: a flag's screenshot). */
export async function clearField(
  db: HubDb,
  type: RecordType,
  field: string,
  keys: readonly RowKey[],
  counts: Counts,
): Promise<void> {
  for (const chunk of chunks(keys)) {
    const result = await sql`update ${sql.table(type.table)} set ${sql.ref(field)} = null
      where ${isOneOf(type, type.key, chunk)}`.execute(db);
    addCount(counts, type.name, Number(result.numAffectedRows ?? 0n));
  }
}
