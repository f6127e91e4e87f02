// What the hub last said about this pupil, beyond the lesson: their class's key stage, the
// school's own sites for it, the teacher's grants and the school's keyword list. Kept in storage.local, so it holds while
// the hub is out of reach; a grant still ends on the device's own alarm (rule-sync.ts).
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { grantSchema, snapshotSchema, type Snapshot } from '../../shared/hub-protocol';
import type { ManagedFields } from '../../shared/managed-policy';
import { keyStageSchema } from '../../shared/policy-model';
import { LOCAL_KEYS } from '../storage-keys';

export const hubStateSchema = z.object({
  /** The hub it came from: state from a hub the school no longer names is never used. */
  hubUrl: z.string(),
  keyStage: keyStageSchema,
  schoolSites: snapshotSchema.shape.schoolSites,
  grants: z.array(grantSchema),
  /** Absent in state stored before Flag It: read as no keywords until the next snapshot. */
  keywords: snapshotSchema.shape.keywords,
  pupil: z.object({ name: z.string().nullable(), classId: z.number().int().nullable() }),
  receivedAt: z.string(),
});
export type HubState = z.infer<typeof hubStateSchema>;

export async function readHubState(): Promise<HubState | null> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.hubState);
  const parsed = hubStateSchema.safeParse(stored[LOCAL_KEYS.hubState]);
  return parsed.success ? parsed.data : null;
}

/** True while managed policy still names this state's hub, with a token to enrol there. */
export const hubStillConfigured = (state: HubState, managed: ManagedFields): boolean =>
  Boolean(managed.enrolmentToken) && managed.hubUrl === state.hubUrl;

/**
 * The stored state, if the school still uses its hub. Checked on every read, not only when the
 * managed policy changes, so stale grants can't count for even a moment (fail closed).
 */
export async function hubStateFor(managed: ManagedFields): Promise<HubState | null> {
  const state = await readHubState();
  return state && hubStillConfigured(state, managed) ? state : null;
}

export async function storeHubState(hubUrl: string, snapshot: Snapshot): Promise<void> {
  const state: HubState = {
    hubUrl,
    keyStage: snapshot.keyStage,
    schoolSites: snapshot.schoolSites,
    grants: snapshot.grants,
    keywords: snapshot.keywords,
    pupil: { name: snapshot.pupil?.name ?? null, classId: snapshot.classId },
    receivedAt: new Date().toISOString(),
  };
  await browser.storage.local.set({ [LOCAL_KEYS.hubState]: state });
}

export async function dropHubState(): Promise<void> {
  await browser.storage.local.remove(LOCAL_KEYS.hubState);
}
