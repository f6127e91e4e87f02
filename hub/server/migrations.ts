// Ordered, versioned schema changes, run at every start. Kysely's Migrator records each one it
// has applied in `kysely_migration` and takes a lock in `kysely_migration_lock`, so a second
// start (or, on PostgreSQL, a second hub process) applies nothing twice.
// Never edit a migration that has shipped: add the next one. schema.ts follows the sum of them.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { HubDb } from './database';

// Column types are SQLite's (`integer primary key autoincrement`); the PostgreSQL issue adds
// identity columns here. Times are written by the hub's clock, never by a database default.
const m0001_schools_users_sessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('schools')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('enrolment_token', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('username', 'text', (col) => col.notNull().unique())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addCheckConstraint('users_role', sql`role in ('teacher', 'dsl', 'admin')`)
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'integer', (col) =>
        col.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('sessions_expires_at')
      .on('sessions')
      .column('expires_at')
      .execute();
  },
};

const m0002_classes_pupils: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('classes')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('key_stage', 'text', (col) => col.notNull())
      .addColumn('teacher_id', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addCheckConstraint('classes_key_stage', sql`key_stage in ('ks1', 'ks2')`)
      .addUniqueConstraint('classes_school_name', ['school_id', 'name'])
      .execute();
    await db.schema.createIndex('classes_teacher').on('classes').column('teacher_id').execute();
    await db.schema
      .createTable('pupils')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('class_id', 'integer', (col) => col.notNull().references('classes.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addUniqueConstraint('pupils_school_email', ['school_id', 'email'])
      .execute();
    await db.schema.createIndex('pupils_class').on('pupils').column('class_id').execute();
  },
};

const m0003_devices: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('devices')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'text', (col) => col.notNull())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('enrolled_at', 'text', (col) => col.notNull())
      .addUniqueConstraint('devices_school_device_email', ['school_id', 'device_id', 'email'])
      .execute();
  },
};

const m0004_lessons: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('lessons')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('class_id', 'integer', (col) => col.notNull().references('classes.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('mode', 'text', (col) => col.notNull())
      .addColumn('sites', 'text', (col) => col.notNull())
      .addColumn('starts_at', 'text', (col) => col.notNull())
      .addColumn('ends_at', 'text', (col) => col.notNull())
      .addColumn('started_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'integer', (col) => col.references('users.id'))
      .addCheckConstraint('lessons_mode', sql`mode in ('focus', 'add')`)
      .addCheckConstraint('lessons_times', sql`starts_at < ends_at`)
      .execute();
    await db.schema
      .createIndex('lessons_class_starts')
      .on('lessons')
      .columns(['class_id', 'starts_at'])
      .execute();
    // One open lesson per class, held by the database itself: two teachers (or, on PostgreSQL,
    // two hub processes) starting lessons at the same moment can't leave two running.
    await db.schema
      .createIndex('lessons_one_open_per_class')
      .on('lessons')
      .column('class_id')
      .unique()
      .where(sql.ref('ended_at'), 'is', null)
      .execute();
  },
};

// "Ask to visit" requests from pupils' devices. The id is the device's own UUID, so a retried
// upload finds the row it already made (ARCHITECTURE rule 3). `class_id` is the pupil's class
// when the request arrived: it decides which teacher sees it.
const m0005_visit_requests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('visit_requests')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('device_id', 'integer', (col) => col.notNull().references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('scope', 'text')
      .addColumn('duration', 'text')
      .addColumn('answered_by', 'integer', (col) => col.references('users.id'))
      .addColumn('answered_at', 'text')
      .addCheckConstraint('visit_requests_url', sql`length(url) <= 2048`)
      .addCheckConstraint('visit_requests_reason', sql`length(reason) <= 500`)
      .addCheckConstraint('visit_requests_status', sql`status in ('pending', 'denied', 'allowed')`)
      .addCheckConstraint('visit_requests_scope', sql`scope is null or scope in ('pupil', 'class')`)
      .addCheckConstraint(
        'visit_requests_duration',
        sql`duration is null or duration in ('lesson', 'today')`,
      )
      .execute();
    await db.schema
      .createIndex('visit_requests_class_created')
      .on('visit_requests')
      .columns(['class_id', 'created_at'])
      .execute();
  },
};

/** In order. The names sort in the order they must run, which is how Kysely orders them. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_schools_users_sessions': m0001_schools_users_sessions,
  '0002_classes_pupils': m0002_classes_pupils,
  '0003_devices': m0003_devices,
  '0004_lessons': m0004_lessons,
  '0005_visit_requests': m0005_visit_requests,
};

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrateToLatest(db: HubDb): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
