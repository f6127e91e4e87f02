// What only the admin reads and does: the school's users (to name a class's teacher), making a
// user, and the devices that enrolled with an email on no roster.
import { Hono } from 'hono';
import { listUnassignedDevices } from '../devices';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { createUser, newUserSchema } from '../users';
import { jsonBody } from '../validation';

export function adminRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/users', requireRole('admin'), async (c) => {
      const users = await db
        .selectFrom('users')
        .select(['id', 'username', 'name', 'role'])
        .where('school_id', '=', sessionOf(c).user.schoolId)
        .orderBy('name')
        .execute();
      return c.json({ users });
    })
    .post('/users', requireRole('admin'), jsonBody(newUserSchema), async (c) => {
      const user = await createUser(db, {
        ...c.req.valid('json'),
        schoolId: sessionOf(c).user.schoolId,
        now: services.now(),
        // The same cost as every login's stand-in hash (routes/auth.ts), so timings match.
        passwordParams: services.passwordParams,
      });
      return c.json({ user }, 201);
    })
    .get('/devices/unassigned', requireRole('admin'), async (c) => {
      return c.json({ devices: await listUnassignedDevices(db, sessionOf(c).user.schoolId) });
    });
}
