// The hub's settings, from the environment. A bad value stops the hub with the reason, rather
// than starting on a default nobody asked for.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS } from './limits';
import { describeIssues } from './validation';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  HUB_PORT: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1).max(65_535, 'expected a port from 1 to 65535').default(8787),
  ),
  HUB_HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  HUB_DATA_DIR: z.preprocess(blankIsUnset, z.string().default('.hub-data')),
  HUB_RELEASE_DIR: z.preprocess(blankIsUnset, z.string().default('release')),
  HUB_PROTECTION_SILENCE_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number()
      .int()
      .min(1, 'expected 1 to 3600 seconds')
      .max(3600, 'expected 1 to 3600 seconds')
      .default(DEFAULT_LIMITS.protectionSilenceMs / 1000),
  ),
  HUB_ENROLMENT_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,200}$/, 'expected 16 to 200 letters, digits, - or _')
      .optional(),
  ),
});

export interface HubConfig {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  /** When set, replaces the school's stored enrolment token at start. */
  enrolmentToken: string | undefined;
  /** Absolute. Where `npm run package` wrote the self-hosted extension; it may not exist. */
  releaseDir: string;
  /** How long a pupil's device in a lesson may be silent before protection shows as off. */
  protectionSilenceMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Hub settings: ${describeIssues(parsed.error.issues)}`);
  const { HUB_PORT, HUB_HOST, HUB_DATA_DIR, HUB_ENROLMENT_TOKEN, HUB_RELEASE_DIR } = parsed.data;
  const { HUB_PROTECTION_SILENCE_SECONDS } = parsed.data;
  return {
    port: HUB_PORT,
    host: HUB_HOST,
    dataDir: path.resolve(cwd, HUB_DATA_DIR),
    enrolmentToken: HUB_ENROLMENT_TOKEN,
    releaseDir: path.resolve(cwd, HUB_RELEASE_DIR),
    protectionSilenceMs: HUB_PROTECTION_SILENCE_SECONDS * 1000,
  };
}
