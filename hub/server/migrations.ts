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

// Issue 4's answers and list changes. A grant is what an allowed request lets a pupil (or their
// class) reach until `until`; one tied to a lesson also ends with that lesson. School sites are
// the admin's additions to the school's list per key stage; change requests are staff asking for
// one; the change log keeps every filtering change with who asked, who approved, when and why.
const m0006_grants_school_lists_change_log: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('grants')
      .addColumn('request_id', 'text', (col) => col.primaryKey().references('visit_requests.id'))
      .addColumn('scope', 'text', (col) => col.notNull())
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('device_id', 'integer', (col) => col.references('devices.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('site', 'text', (col) => col.notNull())
      .addColumn('until', 'text', (col) => col.notNull())
      .addColumn('lesson_id', 'text', (col) => col.references('lessons.id'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      // A pupil's grant names its device (and pupil, once on a roster); a class's, its class.
      .addCheckConstraint(
        'grants_scope',
        sql`(scope = 'pupil' and device_id is not null and class_id is null)
          or (scope = 'class' and class_id is not null and pupil_id is null and device_id is null)`,
      )
      .execute();
    for (const column of ['class_id', 'pupil_id', 'device_id'] as const) {
      await db.schema
        .createIndex(`grants_${column.replace('_id', '')}_until`)
        .on('grants')
        .columns([column, 'until'])
        .execute();
    }
    // The answers each device reads in its snapshot.
    await db.schema
      .createIndex('visit_requests_device_answered')
      .on('visit_requests')
      .columns(['device_id', 'answered_at'])
      .execute();

    await db.schema
      .createTable('change_requests')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('key_stage', 'text', (col) => col.notNull())
      .addColumn('site', 'text', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('request_id', 'text', (col) => col.references('visit_requests.id'))
      .addColumn('asked_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('asked_at', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('note', 'text')
      .addCheckConstraint('change_requests_key_stage', sql`key_stage in ('ks1', 'ks2')`)
      .addCheckConstraint(
        'change_requests_status',
        sql`status in ('pending', 'approved', 'rejected')`,
      )
      .execute();
    // One pending request per site and key stage, held by the database itself.
    await db.schema
      .createIndex('change_requests_one_pending')
      .on('change_requests')
      .columns(['school_id', 'key_stage', 'site'])
      .unique()
      .where(sql.ref('status'), '=', sql.lit('pending'))
      .execute();
    await db.schema
      .createIndex('change_requests_school_asked')
      .on('change_requests')
      .columns(['school_id', 'asked_at'])
      .execute();

    await db.schema
      .createTable('school_sites')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('key_stage', 'text', (col) => col.notNull())
      .addColumn('site', 'text', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('asked_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('approved_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('approved_at', 'text', (col) => col.notNull())
      .addColumn('change_request_id', 'integer', (col) => col.references('change_requests.id'))
      .addCheckConstraint('school_sites_key_stage', sql`key_stage in ('ks1', 'ks2')`)
      .addUniqueConstraint('school_sites_school_key_stage_site', ['school_id', 'key_stage', 'site'])
      .execute();

    // Names, not ids: the log must still say who, after a user or pupil is gone. No check on
    // `action`, so later issues can add kinds of change without rebuilding the table.
    await db.schema
      .createTable('change_log')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull())
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('asked_by', 'text', (col) => col.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('reason', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('change_log_school_id')
      .on('change_log')
      .columns(['school_id', 'id'])
      .execute();
  },
};

// Issue 5, "Flag It". A flag and a keyword alert keep the id the device made (unique), so a
// retried upload finds the row it already made; `seq` is the order of arrival, which pages the
// lists (device clocks can be wrong). `class_id` is the pupil's class when it arrived: it decides
// which teacher sees it. Every handling step is a row of `flag_events`, so the incident log says
// what was done and by whom even after a later step; the flag holds the latest state. The
// school's keyword list is one JSON row per school, sent whole to every device.
const m0007_flags_keywords: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('flags')
      .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('id', 'text', (col) => col.notNull().unique())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'integer', (col) => col.notNull().references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('reason', 'text')
      .addColumn('note', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addColumn('screenshot', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('action_taken', 'text')
      .addColumn('handled_by', 'integer', (col) => col.references('users.id'))
      .addColumn('handled_at', 'text')
      .addColumn('escalated_by', 'integer', (col) => col.references('users.id'))
      .addColumn('escalated_at', 'text')
      .addCheckConstraint('flags_url', sql`length(url) <= 2048`)
      .addCheckConstraint('flags_title', sql`length(title) <= 300`)
      .addCheckConstraint('flags_note', sql`length(note) <= 500`)
      .addCheckConstraint(
        'flags_reason',
        sql`reason is null or reason in ('upset', 'unkind', 'contact', 'other')`,
      )
      .addCheckConstraint(
        'flags_source',
        sql`source in ('popup', 'shortcut', 'context-menu', 'block-page', 'prompt')`,
      )
      .addCheckConstraint(
        'flags_screenshot',
        sql`screenshot is null or length(screenshot) <= 400000`,
      )
      .addCheckConstraint(
        'flags_status',
        sql`status in ('open', 'acknowledged', 'escalated', 'closed')`,
      )
      .execute();
    await db.schema
      .createIndex('flags_school_seq')
      .on('flags')
      .columns(['school_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('flags_class_seq')
      .on('flags')
      .columns(['class_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('flags_school_created')
      .on('flags')
      .columns(['school_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('flag_events')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('flag_id', 'text', (col) => col.notNull().references('flags.id'))
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('note', 'text', (col) => col.notNull())
      .addCheckConstraint(
        'flag_events_action',
        sql`action in ('acknowledged', 'escalated', 'closed')`,
      )
      .execute();
    await db.schema
      .createIndex('flag_events_flag')
      .on('flag_events')
      .columns(['flag_id', 'id'])
      .execute();

    await db.schema
      .createTable('keyword_alerts')
      .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('id', 'text', (col) => col.notNull().unique())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'integer', (col) => col.notNull().references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('keyword', 'text', (col) => col.notNull())
      .addColumn('found_in', 'text', (col) => col.notNull())
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addCheckConstraint('keyword_alerts_keyword', sql`length(keyword) between 1 and 100`)
      .addCheckConstraint('keyword_alerts_found_in', sql`found_in in ('search', 'title')`)
      .addCheckConstraint('keyword_alerts_url', sql`length(url) <= 2048`)
      .execute();
    await db.schema
      .createIndex('keyword_alerts_school_seq')
      .on('keyword_alerts')
      .columns(['school_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('keyword_alerts_school_created')
      .on('keyword_alerts')
      .columns(['school_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('school_keywords')
      .addColumn('school_id', 'integer', (col) => col.primaryKey().references('schools.id'))
      .addColumn('keywords', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'integer', (col) => col.references('users.id'))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },
};

// Issue 6, "Records": what the prompts that teach (Zip It, Block It, copyright) and the download
// guard recorded, by type only (shared/pupil-event.ts): never what was typed or the personal
// detail itself. Keyed by the device's id like every upload; `class_id` is the pupil's class when
// it arrived, which decides which teacher sees it. The teacher reads a class's records over a
// day or a few, so the indexes lead with the class (or pupil) and then the device's time.
const m0008_pupil_events: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pupil_events')
      .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('id', 'text', (col) => col.notNull().unique())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'integer', (col) => col.notNull().references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('detail', 'text', (col) => col.notNull())
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('site', 'text', (col) => col.notNull())
      .addColumn('target', 'text')
      .addColumn('file_type', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addCheckConstraint(
        'pupil_events_kind',
        sql`kind in ('zip-it', 'block-it', 'download', 'copyright')`,
      )
      .addCheckConstraint('pupil_events_detail', sql`length(detail) between 1 and 40`)
      .addCheckConstraint('pupil_events_outcome', sql`length(outcome) between 1 and 40`)
      .addCheckConstraint('pupil_events_site', sql`length(site) between 1 and 253`)
      .addCheckConstraint('pupil_events_target', sql`target is null or length(target) <= 253`)
      .addCheckConstraint(
        'pupil_events_file_type',
        sql`file_type is null or length(file_type) <= 100`,
      )
      .execute();
    await db.schema
      .createIndex('pupil_events_class_created')
      .on('pupil_events')
      .columns(['class_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('pupil_events_pupil_created')
      .on('pupil_events')
      .columns(['pupil_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('pupil_events_school_created')
      .on('pupil_events')
      .columns(['school_id', 'created_at'])
      .execute();
  },
};

// Issue 6: a request may ask for one held download (music, a film, a book) rather than a visit.
// Every earlier request was a visit; a download names its file and is allowed once, never as a
// grant, so it needs no other column.
const m0009_download_requests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('visit_requests')
      .addColumn('kind', 'text', (col) =>
        col
          .notNull()
          .defaultTo('visit')
          .check(sql`kind in ('visit', 'download')`),
      )
      .execute();
    await db.schema
      .alterTable('visit_requests')
      .addColumn('file_name', 'text', (col) =>
        col.check(sql`file_name is null or length(file_name) <= 255`),
      )
      .execute();
  },
};

/** In order. The names sort in the order they must run, which is how Kysely orders them. */
// Issue 7, data protection. Each school's retention periods (a row only where the admin changed
// the default), a record of each retention sweep, and the erasure log, which names the pupil only
// by their id. The change log's visit answers gain the asking pupil's and device's ids (no
// foreign key: the ids must outlive the rows, so an erasure can still find and blank them).
const m0010_data_protection: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('retention_settings')
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('record_type', 'text', (col) => col.notNull())
      .addColumn('days', 'integer', (col) => col.notNull())
      .addColumn('updated_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('retention_settings_pk', ['school_id', 'record_type'])
      .addCheckConstraint('retention_settings_days', sql`days >= 0`)
      .execute();

    await db.schema
      .createTable('retention_sweeps')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addColumn('finished_at', 'text', (col) => col.notNull())
      // JSON object: record type → rows removed (or fields cleared).
      .addColumn('removed', 'text', (col) => col.notNull())
      .addColumn('batches', 'integer', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('retention_sweeps_school_id')
      .on('retention_sweeps')
      .columns(['school_id', 'id'])
      .execute();

    await db.schema
      .createTable('erasures')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('pupil_id', 'integer', (col) => col.notNull())
      .addColumn('erased_by', 'integer', (col) => col.notNull().references('users.id'))
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      // JSON object: record type → rows removed; JSON array of what was kept, and why.
      .addColumn('removed', 'text', (col) => col.notNull())
      .addColumn('kept', 'text', (col) => col.notNull())
      .addCheckConstraint('erasures_reason', sql`length(reason) <= 500`)
      .execute();
    await db.schema
      .createIndex('erasures_school_pupil')
      .on('erasures')
      .columns(['school_id', 'pupil_id'])
      .execute();

    await db.schema.alterTable('change_log').addColumn('pupil_id', 'integer').execute();
    await db.schema.alterTable('change_log').addColumn('device_id', 'integer').execute();
    // Earlier answers: the request answered at that very instant, in that class, for that reason.
    await sql`
      update change_log set
        pupil_id = (select vr.pupil_id from visit_requests vr
          where vr.answered_at = change_log.at and vr.reason = change_log.reason
            and (vr.class_id = change_log.class_id
              or (vr.class_id is null and change_log.class_id is null))
          order by vr.id limit 1),
        device_id = (select vr.device_id from visit_requests vr
          where vr.answered_at = change_log.at and vr.reason = change_log.reason
            and (vr.class_id = change_log.class_id
              or (vr.class_id is null and change_log.class_id is null))
          order by vr.id limit 1)
      where action in ('visit.allowed', 'visit.denied')`.execute(db);
  },
};

// Issue 7, the DfE filtering record: each blocked attempt a device recorded (the address or
// search term, why it was blocked, when), with the device and the pupil it came from. The id is
// the device's own, so a retry finds the row it already made. The weekly summary counts a
// school's week by the device's time; the sweep finds old rows by when they arrived; a pupil's
// rows are found for subject access and erasure.
const m0011_filtering_records: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('filtering_records')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'integer', (col) => col.notNull().references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addColumn('url', 'text', (col) => col.notNull())
      .addColumn('category', 'text', (col) => col.notNull())
      .addColumn('verdict', 'text', (col) => col.notNull())
      .addCheckConstraint('filtering_records_url', sql`length(url) between 1 and 2048`)
      .addCheckConstraint(
        'filtering_records_category',
        sql`category in ('list', 'always', 'images', 'piracy', 'circumvention')`,
      )
      .addCheckConstraint('filtering_records_verdict', sql`verdict = 'blocked'`)
      .execute();
    await db.schema
      .createIndex('filtering_records_school_created')
      .on('filtering_records')
      .columns(['school_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('filtering_records_school_received')
      .on('filtering_records')
      .columns(['school_id', 'received_at'])
      .execute();
    await db.schema
      .createIndex('filtering_records_pupil')
      .on('filtering_records')
      .column('pupil_id')
      .execute();
    await db.schema
      .createIndex('filtering_records_device')
      .on('filtering_records')
      .column('device_id')
      .execute();
  },
};

// Issue 7, protection state. The latest health report of each device (one row a device,
// replaced on each report), and protection alerts: a pupil's device in a running lesson that
// went silent past the grace period ('off') or reported that its filtering is not the school's
// policy ('unsafe'), from when the hub saw it until the device was back or the lesson ended.
const m0012_device_health: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('device_health')
      .addColumn('device_id', 'integer', (col) =>
        col.primaryKey().references('devices.id').onDelete('cascade'),
      )
      .addColumn('received_at', 'text', (col) => col.notNull())
      .addColumn('policy_hash', 'text')
      .addColumn('applied_at', 'text')
      .addColumn('key_stage', 'text', (col) =>
        col.notNull().check(sql`key_stage in ('ks1', 'ks2')`),
      )
      .addColumn('key_stage_source', 'text', (col) => col.notNull())
      // JSON: entry counts of the lists in force (shared/device-health.ts).
      .addColumn('lists', 'text', (col) => col.notNull())
      .addColumn('rule_count', 'integer', (col) => col.notNull())
      .addColumn('expected_rule_count', 'integer')
      .addColumn('incognito_allowed', 'integer', (col) => col.notNull())
      .addColumn('signed_in', 'integer', (col) => col.notNull())
      .addColumn('last_hub_contact', 'text')
      .addColumn('last_error', 'text', (col) =>
        col.check(sql`last_error is null or length(last_error) <= 300`),
      )
      // JSON array of the device's unsafe reasons; empty when protection is as the school set it.
      .addColumn('unsafe', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('protection_alerts')
      .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
      .addColumn('school_id', 'integer', (col) => col.notNull().references('schools.id'))
      .addColumn('device_id', 'integer', (col) => col.references('devices.id'))
      .addColumn('pupil_id', 'integer', (col) => col.references('pupils.id'))
      .addColumn('class_id', 'integer', (col) => col.references('classes.id'))
      // No foreign key: the alert outlives its lesson's row when lessons are swept sooner.
      .addColumn('lesson_id', 'text')
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('off', 'unsafe')`))
      .addColumn('detail', 'text', (col) => col.notNull().check(sql`length(detail) <= 300`))
      .addColumn('started_at', 'text', (col) => col.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema
      .createIndex('protection_alerts_open')
      .on('protection_alerts')
      .columns(['school_id', 'ended_at', 'started_at'])
      .execute();
    await db.schema
      .createIndex('protection_alerts_pupil')
      .on('protection_alerts')
      .columns(['pupil_id', 'ended_at'])
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
  '0006_grants_school_lists_change_log': m0006_grants_school_lists_change_log,
  '0007_flags_keywords': m0007_flags_keywords,
  '0008_pupil_events': m0008_pupil_events,
  '0009_download_requests': m0009_download_requests,
  '0010_data_protection': m0010_data_protection,
  '0011_filtering_records': m0011_filtering_records,
  '0012_device_health': m0012_device_health,
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
