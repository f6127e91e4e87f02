// The record type registry is the one list the sweep, the export, erasure and the summary read,
// so it must cover every table, and its entries must fit together: references name real types
// that come later in the order, periods sit within their bounds, and a table with a pupil column
// says how it ties to a pupil.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/server/database';
import { migrateToLatest } from '../../hub/server/migrations';
import { RECORD_TYPES } from '../../hub/server/retention/record-types';

async function tableColumns() {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const tables = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'`.execute(db);
  const columns = new Map<string, string[]>();
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(
      db,
    );
    columns.set(
      name,
      info.rows.map((row) => row.name),
    );
  }
  await db.destroy();
  return columns;
}

const index = (name: string) => RECORD_TYPES.findIndex((type) => type.name === name);

describe('the record type registry', () => {
  it('has an entry for every table, and names each type once', async () => {
    const columns = await tableColumns();
    const covered = new Set<string>(RECORD_TYPES.map((type) => type.table));
    expect([...columns.keys()].filter((table) => !covered.has(table))).toEqual([]);
    const names = RECORD_TYPES.map((type) => type.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('ties every table with a pupil or device column to a pupil, or says why not', async () => {
    const columns = await tableColumns();
    for (const [table, names] of columns) {
      // The erasure log names an erased pupil by id only, and must outlive them.
      if (!names.includes('pupil_id') || table === 'erasures') continue;
      const tied = RECORD_TYPES.filter((type) => type.table === table && type.pupil);
      expect([table, tied.length]).toEqual([table, 1]);
    }
  });

  it('lists a type before every type it references, and only types that exist', () => {
    for (const type of RECORD_TYPES) {
      for (const reference of type.references ?? []) {
        expect([type.name, reference.type, index(reference.type) > index(type.name)]).toEqual([
          type.name,
          reference.type,
          true,
        ]);
      }
      const link = type.pupil;
      if (link && (link.kind === 'through' || link.kind === 'named-by')) {
        expect([type.name, index(link.type)]).not.toEqual([type.name, -1]);
      }
      if (type.retention.kind === 'with') {
        expect([type.name, index(type.retention.type)]).not.toEqual([type.name, -1]);
      }
    }
  });

  it('gives every period a default within whole-day bounds, and a school to sweep by', () => {
    for (const type of RECORD_TYPES) {
      const { retention } = type;
      expect([type.name, retention.why.length > 10]).toEqual([type.name, true]);
      if (retention.kind !== 'age') continue;
      const { minDays, defaultDays, maxDays } = retention;
      for (const days of [minDays, defaultDays, maxDays]) expect(Number.isInteger(days)).toBe(true);
      expect([type.name, minDays <= defaultDays && defaultDays <= maxDays]).toEqual([
        type.name,
        true,
      ]);
      expect([type.name, type.school !== undefined]).toEqual([type.name, true]);
    }
  });

  it('says what erasure does with every type about a pupil', () => {
    for (const type of RECORD_TYPES.filter((candidate) => candidate.pupil)) {
      const byParent = type.retention.kind === 'with';
      expect([type.name, byParent || type.erasure !== undefined]).toEqual([type.name, true]);
      expect([type.name, type.export !== undefined]).toEqual([type.name, true]);
    }
  });
});
