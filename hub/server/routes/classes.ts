// Classes: list (each role sees what it may), create (admin), and a class's pupils.
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, listClasses, listPupils, NO_SUCH_CLASS } from '../classes';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { CLASS_TEACHER_ROLES, requireRole } from '../roles';
import type { HubServices } from '../services';
import { displayText, jsonBody, pathParams } from '../validation';

export const classIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

const createClassSchema = z.object({
  name: displayText(60),
  keyStage: z.enum(['ks1', 'ks2'], { error: "expected 'ks1' or 'ks2'" }),
  teacherId: z.number({ error: 'expected the id of a teacher' }).int().positive(),
});

export function classRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/', async (c) => {
      return c.json({ classes: await listClasses(db, sessionOf(c).user) });
    })
    .post('/', requireRole('admin'), jsonBody(createClassSchema), async (c) => {
      const { user } = sessionOf(c);
      const { name, keyStage, teacherId } = c.req.valid('json');
      const teacher = await db
        .selectFrom('users')
        .select('id')
        .where('id', '=', teacherId)
        .where('school_id', '=', user.schoolId)
        .where('role', 'in', CLASS_TEACHER_ROLES)
        .executeTakeFirst();
      if (!teacher) throw new HubError(400, 'teacherId: no teacher or DSL has that id');
      const clash = await db
        .selectFrom('classes')
        .select('id')
        .where('school_id', '=', user.schoolId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (clash) throw new HubError(409, `A class called '${name}' already exists.`);
      const { id } = await db
        .insertInto('classes')
        .values({
          school_id: user.schoolId,
          name,
          key_stage: keyStage,
          teacher_id: teacherId,
          created_at: services.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.json({ class: await findVisibleClass(db, user, id) }, 201);
    })
    .get('/:id/pupils', pathParams(classIdParams, NO_SUCH_CLASS), async (c) => {
      const { user } = sessionOf(c);
      const found = await findVisibleClass(db, user, c.req.valid('param').id);
      return c.json({ class: found, pupils: await listPupils(db, found.id) });
    });
}
