import { describe, expect, it } from 'vitest';
import { buildEffectivePolicy, listView } from '../../shared/effective-policy';
import { emptySettings } from '../../shared/policy-model';
import { formatSiteEntry } from '../../shared/site-entry';
import { STARTER_LISTS } from '../../shared/starter-lists';

const sites = (policy: ReturnType<typeof buildEffectivePolicy>) =>
  policy.allow.map(formatSiteEntry);

describe('buildEffectivePolicy', () => {
  it('fails closed to KS1 and its starter list when there is no policy at all', () => {
    const policy = buildEffectivePolicy(emptySettings(), {});
    expect(policy.keyStage).toBe('ks1');
    expect(policy.keyStageSource).toBe('default');
    expect(policy.usingStarter).toBe(true);
    expect(policy.allow).toHaveLength(STARTER_LISTS.ks1.length);
  });

  it('lets managed policy outrank the key stage chosen on the device', () => {
    const settings = { ...emptySettings(), keyStage: 'ks1' as const };
    expect(buildEffectivePolicy(settings, { keyStage: 'ks2' }).keyStage).toBe('ks2');
    expect(buildEffectivePolicy(settings, {}).keyStageSource).toBe('local');
  });

  it('joins managed and local entries for the key stage, and never the other stage', () => {
    const settings = emptySettings();
    settings.lists.ks2.push({ site: 'scratch.mit.edu', source: 'local' });
    settings.lists.ks1.push({ site: 'ks1only.example', source: 'local' });
    const policy = buildEffectivePolicy(settings, { keyStage: 'ks2', ks2: ['bbc.co.uk'] });
    expect(sites(policy)).toEqual(['bbc.co.uk', 'scratch.mit.edu']);
    expect(policy.usingStarter).toBe(false);
  });

  it('applies always-blocked entries from both sources', () => {
    const settings = emptySettings();
    settings.lists.alwaysBlocked.push({ site: 'local-bad.example', source: 'local' });
    const policy = buildEffectivePolicy(settings, { alwaysBlocked: ['bad.example'] });
    expect(policy.block.map(formatSiteEntry)).toEqual(['bad.example', 'local-bad.example']);
  });

  it('shows a local entry that repeats a managed one only once, as managed', () => {
    const settings = emptySettings();
    settings.lists.ks1.push({ site: 'bbc.co.uk', source: 'local' });
    expect(listView('ks1', settings, { ks1: ['bbc.co.uk'] }).entries).toEqual([
      { site: 'bbc.co.uk', source: 'managed' },
    ]);
  });
});
