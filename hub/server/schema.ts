// The hub's tables as Kysely sees them. migrations.ts creates them; this file must follow it.
// Times are ISO 8601 UTC strings, so they sort as text in SQLite and map to timestamps later.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { FilteringCategory } from '../../shared/filtering-record';
import type { FlagReason, FlagSource } from '../../shared/flag';
import type { KeyStage } from '../../shared/policy-model';
import type { PupilEventKind } from '../../shared/pupil-event';
import type { Role } from './roles';

export interface SchoolTable {
  id: Generated<number>;
  name: string;
  /**
   * Shared by every device of the school through managed policy, so it is readable on any
   * pupil's Chromebook (chrome://policy). It is kept in plain text because the admin must read
   * it back to paste it into Google Admin; it only lets a device enrol, never read a roster.
   */
  enrolment_token: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  school_id: number;
  /** Lower-case; unique across the hub, as login names no school. */
  username: string;
  name: string;
  role: Role;
  /** scrypt, parameters inside (passwords.ts). */
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a copy of the database can't be replayed as a login. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ClassTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  key_stage: KeyStage;
  teacher_id: number;
  created_at: string;
}

export interface PupilTable {
  id: Generated<number>;
  school_id: number;
  class_id: number;
  name: string;
  /** Lower-case; unique in the school, the key a roster re-import matches on. */
  email: string;
  created_at: string;
  updated_at: string;
}

export interface DeviceTable {
  id: Generated<number>;
  school_id: number;
  /** Made by the extension; one row per (device, pupil account) since Chromebooks are shared. */
  device_id: string;
  /**
   * The pupil account that enrolled. The pupil is looked up by it on every request, so a device
   * enrolled before its pupil was on a roster is assigned as soon as the roster names them.
   */
  email: string;
  /** SHA-256 of the bearer token. */
  token_hash: string;
  enrolled_at: string;
}

export interface LessonTable {
  /** A UUID made by the hub; devices name it when they confirm. */
  id: string;
  class_id: number;
  name: string;
  mode: 'focus' | 'add';
  /** JSON array of canonical site text (formatSiteEntry), checked before it is stored. */
  sites: string;
  starts_at: string;
  ends_at: string;
  started_by: number;
  /**
   * Set when the lesson was closed: by a teacher ending it early or starting the next one
   * (`ended_by` says who), or at its own end time (`ended_by` null) when the next one starts.
   * A lesson is running while this is null and the clock is before `ends_at`.
   */
  ended_at: string | null;
  ended_by: number | null;
}

export interface VisitRequestTable {
  /** The UUID the device made; a retried upload can't make a second row. */
  id: string;
  /** The enrolled device (devices.id) that sent it. */
  device_id: number;
  /** The pupil and class at the time it arrived; null while the device's email is on no roster. */
  pupil_id: number | null;
  class_id: number | null;
  url: string;
  reason: string;
  /** The device's clock, when the pupil asked. */
  created_at: string;
  /** The hub's clock, when it was stored. */
  received_at: string;
  status: 'pending' | 'denied' | 'allowed';
  /** Set when allowed: for the one pupil or the whole class, for the lesson or the day. */
  scope: 'pupil' | 'class' | null;
  duration: 'lesson' | 'today' | null;
  answered_by: number | null;
  answered_at: string | null;
  /** 'download': one held file (`url` is its address) allowed once for the pupil, never a grant. */
  kind: Generated<'visit' | 'download'>;
  /** A download's file name; null for a visit. */
  file_name: string | null;
}

/** What an allowed request lets through: one row per allowed request. */
export interface GrantTable {
  request_id: string;
  scope: 'pupil' | 'class';
  /** Scope pupil: the pupil (null while their email was on no roster) and the asking device. */
  pupil_id: number | null;
  device_id: number | null;
  /** Scope class: the class. */
  class_id: number | null;
  /** Canonical site text: the exact host of the request's URL. */
  site: string;
  /** The lesson's end, or the end of the hub's local day. */
  until: string;
  /** Set for a lesson-long grant: it also ends when this lesson ends early. */
  lesson_id: string | null;
  created_at: string;
}

/** Staff asking for a site to join the school's list for a key stage; only the admin decides. */
export interface ChangeRequestTable {
  id: Generated<number>;
  school_id: number;
  key_stage: KeyStage;
  /** Canonical site text. */
  site: string;
  reason: string;
  /** The "ask to visit" request it came from, if any. */
  request_id: string | null;
  asked_by: number;
  asked_at: string;
  status: 'pending' | 'approved' | 'rejected';
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

/** The admin's additions to the school's list at the hub, sent to devices in the snapshot. */
export interface SchoolSiteTable {
  id: Generated<number>;
  school_id: number;
  key_stage: KeyStage;
  /** Canonical site text; any kind of entry, paths included. */
  site: string;
  reason: string;
  /** Who asked (the admin themselves, or the author of the change request) and who approved. */
  asked_by: number;
  approved_by: number;
  approved_at: string;
  change_request_id: number | null;
}

/** Every filtering change: who asked, who approved, when and why. */
export interface ChangeLogTable {
  id: Generated<number>;
  school_id: number;
  at: string;
  action: string;
  /** What changed, in words, with the site or sites. */
  summary: string;
  /** The class it concerned; null for a school-wide change. */
  class_id: number | null;
  /** A user's or a pupil's name as it was then. */
  asked_by: string;
  /** Who approved it, or refused it; null when nobody has decided yet. */
  approved_by: string | null;
  reason: string;
  /** For a visit answer: the asking pupil and device, so an erasure can blank their name. */
  pupil_id: Generated<number | null>;
  device_id: Generated<number | null>;
}

export type FlagStatus = 'open' | 'acknowledged' | 'escalated' | 'closed';

/** A pupil's "Flag It": what they were on, what they said, and what staff did about it. */
export interface FlagTable {
  /** Order of arrival at the hub, which pages the lists. */
  seq: Generated<number>;
  /** The UUID the device made; a retried upload can't make a second flag. */
  id: string;
  school_id: number;
  /** The enrolled device (devices.id) that sent it. */
  device_id: number;
  /** The pupil and class when it arrived; null while the device's email is on no roster. */
  pupil_id: number | null;
  class_id: number | null;
  url: string;
  title: string;
  /** Null until the pupil says; filled in by a later upload of the same id, never overwritten. */
  reason: FlagReason | null;
  note: string;
  source: FlagSource;
  /** The device's clock, when the pupil pressed, as UTC ISO 8601. */
  created_at: string;
  /** The hub's clock, when it was first stored. */
  received_at: string;
  /** A JPEG data URL, only when the school switched screenshots on; only the DSL reads it. */
  screenshot: string | null;
  status: FlagStatus;
  /** The latest acknowledgement's or closing's action, by whom and when (flag_events has all). */
  action_taken: string | null;
  handled_by: number | null;
  handled_at: string | null;
  escalated_by: number | null;
  escalated_at: string | null;
}

/** Every step staff took on a flag, for the incident log's "what was done and by whom". */
export interface FlagEventTable {
  id: Generated<number>;
  flag_id: string;
  at: string;
  user_id: number;
  action: 'acknowledged' | 'escalated' | 'closed';
  /** The action taken, or the reason for escalating (may be empty). */
  note: string;
}

/** A school keyword a device found in a search term or a page title; for the DSL. */
export interface KeywordAlertTable {
  seq: Generated<number>;
  /** The UUID the device made. */
  id: string;
  school_id: number;
  device_id: number;
  pupil_id: number | null;
  class_id: number | null;
  keyword: string;
  found_in: 'search' | 'title';
  url: string;
  /** The device's clock, as UTC ISO 8601. */
  created_at: string;
  received_at: string;
}

/** The school's keyword list, edited by the DSL and the admin, sent whole in every snapshot. */
export interface SchoolKeywordsTable {
  school_id: number;
  /** JSON array of lower-case keywords, sorted, no duplicates. */
  keywords: string;
  /** Null for the demo school's starter list, which no user wrote. */
  updated_by: number | null;
  updated_at: string;
}

/** A Zip It, Block It, copyright or download moment a device recorded, by type only. */
export interface PupilEventTable {
  /** Order of arrival at the hub, which pages a pupil's records. */
  seq: Generated<number>;
  /** The UUID the device made. */
  id: string;
  school_id: number;
  device_id: number;
  /** The pupil and class when it arrived; null while the device's email is on no roster. */
  pupil_id: number | null;
  class_id: number | null;
  kind: PupilEventKind;
  /** One of PUPIL_EVENT_DETAILS[kind], checked on upload. */
  detail: string;
  /** One of PUPIL_EVENT_OUTCOMES[kind], checked on upload. */
  outcome: string;
  /** Hostnames only: where the pupil was, and (Block It) where the link led. */
  site: string;
  target: string | null;
  /** Downloads: the file's extension or MIME type. */
  file_type: string | null;
  /** The device's clock, as UTC ISO 8601. */
  created_at: string;
  received_at: string;
}

/** The filtering record: one blocked attempt a device recorded (shared/filtering-record.ts). */
export interface FilteringRecordTable {
  /** The UUID the device made. */
  id: string;
  school_id: number;
  device_id: number;
  /** The pupil when it arrived; null while the device's email is on no roster. */
  pupil_id: number | null;
  /** The device's clock, as UTC ISO 8601. */
  created_at: string;
  received_at: string;
  /** The blocked address or search, as the pupil asked for it. */
  url: string;
  /** Why it was blocked: the block page's reason. */
  category: FilteringCategory;
  verdict: 'blocked';
}

/** An admin's own retention period for a record type; the registry's default where absent. */
export interface RetentionSettingTable {
  school_id: number;
  record_type: string;
  days: number;
  updated_by: number;
  updated_at: string;
}

/** One retention sweep of one school: what it removed, by record type. */
export interface RetentionSweepTable {
  id: Generated<number>;
  school_id: number;
  started_at: string;
  finished_at: string;
  /** JSON: record type → rows removed or fields cleared. */
  removed: string;
  batches: number;
}

/** The erasure log: who erased which pupil (by id only), when, why, and what stayed. */
export interface ErasureTable {
  id: Generated<number>;
  school_id: number;
  pupil_id: number;
  erased_by: number;
  at: string;
  reason: string;
  /** JSON: record type → rows removed. */
  removed: string;
  /** JSON: [{type, key, why}], rows kept (an open safeguarding case, and what it needs). */
  kept: string;
}

/** The latest health report of a device (shared/device-health.ts), replaced on each report. */
export interface DeviceHealthTable {
  /** devices.id: one row a device. */
  device_id: number;
  /** By the hub's clock. */
  received_at: string;
  policy_hash: string | null;
  applied_at: string | null;
  key_stage: KeyStage;
  key_stage_source: string;
  /** JSON: DeviceHealth['lists']. */
  lists: string;
  rule_count: number;
  expected_rule_count: number | null;
  /** 0 or 1. */
  incognito_allowed: number;
  /** 0 or 1. */
  signed_in: number;
  last_hub_contact: string | null;
  last_error: string | null;
  /** JSON: UnsafeReason[]. */
  unsafe: string;
}

/** A pupil's protection was off during a lesson (hub/server/protection-watch.ts). */
export interface ProtectionAlertTable {
  id: Generated<number>;
  school_id: number;
  /** The device that went silent or reported itself unsafe. */
  device_id: number | null;
  pupil_id: number | null;
  class_id: number | null;
  lesson_id: string | null;
  kind: 'off' | 'unsafe';
  /** In words, for the DSL: what the hub saw. */
  detail: string;
  started_at: string;
  /** When the device was back or the lesson ended; null while open. */
  ended_at: string | null;
}

export interface HubDatabase {
  schools: SchoolTable;
  users: UserTable;
  sessions: SessionTable;
  classes: ClassTable;
  pupils: PupilTable;
  devices: DeviceTable;
  lessons: LessonTable;
  visit_requests: VisitRequestTable;
  grants: GrantTable;
  change_requests: ChangeRequestTable;
  school_sites: SchoolSiteTable;
  change_log: ChangeLogTable;
  flags: FlagTable;
  flag_events: FlagEventTable;
  keyword_alerts: KeywordAlertTable;
  school_keywords: SchoolKeywordsTable;
  pupil_events: PupilEventTable;
  retention_settings: RetentionSettingTable;
  retention_sweeps: RetentionSweepTable;
  erasures: ErasureTable;
  device_health: DeviceHealthTable;
  protection_alerts: ProtectionAlertTable;
  filtering_records: FilteringRecordTable;
}

export type UserRow = Selectable<UserTable>;
export type ClassRow = Selectable<ClassTable>;
export type NewPupil = Insertable<PupilTable>;
export type LessonRow = Selectable<LessonTable>;
