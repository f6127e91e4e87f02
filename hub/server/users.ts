// Staff accounts the admin makes. Usernames follow what login accepts (trimmed, lower-case, at
// most 64 characters) and are unique across the hub; the password is kept only as a scrypt hash.
import { z } from 'zod';
import type { HubDb } from './database';
import { HubError } from './errors';
import { hashPassword, type ScryptParams } from './passwords';
import { roleSchema, type Role } from './roles';
import { displayText } from './validation';

export const MIN_PASSWORD_LENGTH = 12;

export const newUserSchema = z.object({
  username: z
    .string({ error: 'expected text' })
    .trim()
    .toLowerCase()
    .min(3, 'use at least 3 characters')
    .max(64, 'is longer than 64 characters')
    .regex(
      /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/,
      'use letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
    ),
  name: displayText(100),
  role: z.enum(roleSchema.options, { error: "expected 'teacher', 'dsl' or 'admin'" }),
  // Not trimmed: a space is a character the person typed. The upper bound is login's.
  password: z
    .string({ error: 'expected text' })
    .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(256, 'is longer than 256 characters'),
});

export type NewUser = z.infer<typeof newUserSchema>;

export interface UserView {
  id: number;
  username: string;
  name: string;
  role: Role;
}

const taken = (username: string) => `The username '${username}' is taken; choose another.`;

/** Creates the user in the admin's school; 409 when the username is taken anywhere on the hub. */
export async function createUser(
  db: HubDb,
  input: NewUser & { schoolId: number; now: Date; passwordParams: ScryptParams },
): Promise<UserView> {
  const clash = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (clash) throw new HubError(409, taken(input.username));
  const passwordHash = await hashPassword(input.password, input.passwordParams);
  try {
    return await db
      .insertInto('users')
      .values({
        school_id: input.schoolId,
        username: input.username,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        created_at: input.now.toISOString(),
      })
      .returning(['id', 'username', 'name', 'role'])
      .executeTakeFirstOrThrow();
  } catch (error) {
    // Another admin took it during the hash.
    if (error instanceof Error && /UNIQUE constraint failed: users\.username/.test(error.message)) {
      throw new HubError(409, taken(input.username));
    }
    throw error;
  }
}
