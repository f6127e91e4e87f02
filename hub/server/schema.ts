// The hub's tables as Kysely sees them. migrations.ts creates them; this file must follow it.
// Times are ISO 8601 UTC strings, so they sort as text in SQLite and map to timestamps later.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { KeyStage } from '../../shared/policy-model';
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

export interface HubDatabase {
  schools: SchoolTable;
  users: UserTable;
  sessions: SessionTable;
  classes: ClassTable;
  pupils: PupilTable;
  devices: DeviceTable;
}

export type UserRow = Selectable<UserTable>;
export type ClassRow = Selectable<ClassTable>;
export type NewPupil = Insertable<PupilTable>;
