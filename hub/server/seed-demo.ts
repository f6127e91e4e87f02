// The demo school `npm start` creates in an empty database, so a teacher can try the hub at
// once. Every password is random, printed once by main.ts and stored only as a hash; pupils are
// clearly demo people at @demo.school. It starts with a short keyword list (starter-keywords.ts)
// for the DSL to review; a school that exists already never gets one this way.
import type { KeyStage } from '../../shared/policy-model';
import type { HubDb } from './database';
import { normaliseKeywords } from './keywords';
import { DEFAULT_SCRYPT, hashPassword, newPassword, type ScryptParams } from './passwords';
import type { Role } from './roles';
import { STARTER_KEYWORDS } from './starter-keywords';
import { newToken } from './tokens';

export const DEMO_SCHOOL = 'Demo Primary';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  name: string;
}

export interface DemoSchool {
  enrolmentToken: string;
  logins: DemoLogin[];
}

const USERS: readonly { username: string; role: Role; name: string }[] = [
  { username: 'teacher', role: 'teacher', name: 'Ms Demo Teacher' },
  // The DSL teaches Year 5, so the demo shows a teacher seeing only their own class.
  { username: 'dsl', role: 'dsl', name: 'Mr Demo Safeguarding' },
  { username: 'admin', role: 'admin', name: 'Demo Admin' },
];

const CLASSES: readonly { name: string; keyStage: KeyStage; teacher: string; pupils: string[] }[] =
  [
    { name: 'Year 1 Owls', keyStage: 'ks1', teacher: 'teacher', pupils: ['Ava', 'Ben', 'Cara'] },
    { name: 'Year 5 Kestrels', keyStage: 'ks2', teacher: 'dsl', pupils: ['Dev', 'Ellie', 'Finn'] },
  ];

/** Creates the demo school if the database has no school; returns null when it already had one. */
export async function seedDemoSchool(
  db: HubDb,
  options: { now: Date; enrolmentToken?: string | undefined; passwordParams?: ScryptParams },
): Promise<DemoSchool | null> {
  const existing = await db.selectFrom('schools').select('id').executeTakeFirst();
  if (existing) return null;
  const at = options.now.toISOString();
  const enrolmentToken = options.enrolmentToken ?? newToken();
  const logins = USERS.map((user) => ({ ...user, password: newPassword() }));
  const hashes = await Promise.all(
    logins.map((login) => hashPassword(login.password, options.passwordParams ?? DEFAULT_SCRYPT)),
  );

  await db.transaction().execute(async (trx) => {
    const school = await trx
      .insertInto('schools')
      .values({ name: DEMO_SCHOOL, enrolment_token: enrolmentToken, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userIds = new Map<string, number>();
    for (const [index, login] of logins.entries()) {
      const { id } = await trx
        .insertInto('users')
        .values({
          school_id: school.id,
          username: login.username,
          name: login.name,
          role: login.role,
          password_hash: hashes[index] as string,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(login.username, id);
    }
    for (const demoClass of CLASSES) {
      const created = await trx
        .insertInto('classes')
        .values({
          school_id: school.id,
          name: demoClass.name,
          key_stage: demoClass.keyStage,
          teacher_id: userIds.get(demoClass.teacher) as number,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('pupils')
        .values(
          demoClass.pupils.map((name) => ({
            school_id: school.id,
            class_id: created.id,
            name: `${name} Demo`,
            email: `${name.toLowerCase()}.demo@demo.school`,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('school_keywords')
      .values({
        school_id: school.id,
        keywords: JSON.stringify(normaliseKeywords(STARTER_KEYWORDS)),
        updated_by: null,
        updated_at: at,
      })
      .execute();
  });
  return { enrolmentToken, logins };
}
