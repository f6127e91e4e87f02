// What only the admin reads: the school's users (to name a class's teacher) and the devices
// that enrolled with an email on no roster.
import { Hono } from 'hono';
import { listUnassignedDevices } from '../devices';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';

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
    .get('/devices/unassigned', requireRole('admin'), async (c) => {
      return c.json({ devices: await listUnassignedDevices(db, sessionOf(c).user.schoolId) });
    });
}
