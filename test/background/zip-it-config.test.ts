// The worker writes what Zip It needs into the prompts config: the school's name and its two
// Zip It lists from managed policy, and the pupil's full name from the hub's last snapshot.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import { storeHubState } from '../../background/hub-link/hub-state';
import { refreshManagedState } from '../../background/policy-store';
import { syncPromptConfig } from '../../background/prompts/prompt-config';
import { buildEffectivePolicy } from '../../shared/effective-policy';
import { emptySettings } from '../../shared/policy-model';
import { PROMPT_CONFIG_KEY, readPromptConfig } from '../../shared/prompt-config';

const HUB = 'https://hub.school.example';

async function useManaged(fields: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(fields);
  await refreshManagedState();
}

async function storedZipIt() {
  const stored = await fakeBrowser.storage.local.get(PROMPT_CONFIG_KEY);
  return stored[PROMPT_CONFIG_KEY] === undefined
    ? undefined
    : readPromptConfig(stored[PROMPT_CONFIG_KEY]).zipIt;
}

async function sync() {
  const { fields } = await refreshManagedState();
  await syncPromptConfig(buildEffectivePolicy(emptySettings(), fields));
}

const snapshot = (name: string | null) => ({
  pupil: name === null ? null : { name },
  classId: 1,
  keyStage: 'ks2' as const,
  lesson: null,
  grants: [],
  schoolSites: [],
  answers: [],
  keywords: [],
});

beforeEach(() => {
  installFakeExtension();
});

describe('the Zip It part of the prompts config', () => {
  it('carries the managed school name and lists, canonical, and no name without a hub', async () => {
    await useManaged({
      keyStage: 'ks2',
      schoolName: 'Oakfield Primary School',
      zipItTrustedSites: ['https://www.purplemash.com/', 'oakfield.example.org'],
      signInSites: ['accounts.google.com'],
    });
    await sync();
    expect(await storedZipIt()).toEqual({
      trustedSites: ['=www.purplemash.com', 'oakfield.example.org'],
      signInSites: ['accounts.google.com'],
      pupilName: null,
      schoolName: 'Oakfield Primary School',
    });
  });

  it("takes the pupil's full name from the hub's snapshot, while the school names that hub", async () => {
    await useManaged({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
    await storeHubState(HUB, snapshot('Zoë Olivia Brown'));
    await sync();
    expect((await storedZipIt())?.pupilName).toBe('Zoë Olivia Brown');

    // A pupil on no roster: the hub knows no name.
    await storeHubState(HUB, snapshot(null));
    await sync();
    expect((await storedZipIt())?.pupilName).toBeNull();

    // The school stops using that hub: its snapshot no longer counts.
    await storeHubState(HUB, snapshot('Zoë Olivia Brown'));
    await useManaged({
      hubUrl: 'https://other-hub.school.example',
      enrolmentToken: 'school-token-123',
    });
    await sync();
    expect((await storedZipIt())?.pupilName).toBeNull();
  });

  it('is the strictest reading (on everywhere, no sign-in sites) with no managed policy', async () => {
    await sync();
    expect(await storedZipIt()).toEqual({
      trustedSites: [],
      signInSites: [],
      pupilName: null,
      schoolName: null,
    });
  });

  it('never holds a date of birth, or anything but these four fields', async () => {
    await useManaged({ schoolName: 'Oakfield Primary School' });
    await storeHubState(HUB, snapshot('Zoë Olivia Brown'));
    await sync();
    const stored = await fakeBrowser.storage.local.get(PROMPT_CONFIG_KEY);
    const raw = stored[PROMPT_CONFIG_KEY] as { zipIt: Record<string, unknown> };
    expect(Object.keys(raw.zipIt).sort()).toEqual([
      'pupilName',
      'schoolName',
      'signInSites',
      'trustedSites',
    ]);
  });
});
