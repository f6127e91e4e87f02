// The one owner of the hub's database connection. The dialect is chosen here and nowhere else:
// a school runs on embedded SQLite; a trust will add PostgreSQL as another `kind`.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Dialect } from 'kysely';
import type { HubDatabase } from './schema';

export type DatabaseConfig =
  /** `file` is a path, or ':memory:' for tests. */
  { kind: 'sqlite'; file: string };

export type HubDb = Kysely<HubDatabase>;

function sqliteDialect(file: string): Dialect {
  const database = new SQLite(file);
  // WAL lets the dashboard read while a device's report is written.
  if (file !== ':memory:') database.pragma('journal_mode = WAL');
  // FULL: a report acknowledged to a device survives a power cut (ARCHITECTURE rule 3).
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

function dialectFor(config: DatabaseConfig): Dialect {
  switch (config.kind) {
    case 'sqlite':
      return sqliteDialect(config.file);
  }
}

export function openDatabase(config: DatabaseConfig): HubDb {
  return new Kysely<HubDatabase>({ dialect: dialectFor(config) });
}
