// The Hono environment every hub handler shares: what the access gate puts on the context.
import type { HttpBindings } from '@hono/node-server';
import type { KeyStage } from '../../shared/policy-model';
import type { Role } from './roles';

export interface SessionUser {
  id: number;
  schoolId: number;
  name: string;
  role: Role;
}

export interface TeacherSession {
  user: SessionUser;
  csrfToken: string;
  idHash: string;
}

/** A device's pupil is looked up on each request; null while the email is on no roster. */
export interface DeviceIdentity {
  id: number;
  schoolId: number;
  pupil: { id: number; name: string; classId: number; keyStage: KeyStage } | null;
}

export interface HubEnv {
  /** Absent under `app.request()` in tests; present when served by @hono/node-server. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    session: TeacherSession | undefined;
    device: DeviceIdentity | undefined;
  };
}
