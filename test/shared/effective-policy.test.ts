import { describe, expect, it } from 'vitest';
import {
  buildEffectivePolicy,
  listView,
  nextPolicyChange,
  type HubPolicy,
} from '../../shared/effective-policy';
import type { Lesson } from '../../shared/lesson';
import { emptySettings } from '../../shared/policy-model';
import { formatSiteEntry } from '../../shared/site-entry';
import { STARTER_LISTS } from '../../shared/starter-lists';

/** The allowed sites, less the approved image sources every key stage gets. */
const sites = (policy: ReturnType<typeof buildEffectivePolicy>) => {
  const images = new Set(policy.imageSources.map(formatSiteEntry));
  return policy.allow.map(formatSiteEntry).filter((site) => !images.has(site));
};

describe('buildEffectivePolicy', () => {
  it('fails closed to KS1 and its starter list when there is no policy at all', () => {
    const policy = buildEffectivePolicy(emptySettings(), {});
    expect(policy.keyStage).toBe('ks1');
    expect(policy.keyStageSource).toBe('default');
    expect(policy.usingStarter).toBe(true);
    expect(sites(policy)).toHaveLength(STARTER_LISTS.ks1.length);
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

  it('allows the approved image sources (the built-in ones until the school lists its own)', () => {
    const starter = buildEffectivePolicy(emptySettings(), {});
    expect(starter.imageSources.map(formatSiteEntry)).toEqual([...STARTER_LISTS.imageSources]);
    expect(starter.allow.map(formatSiteEntry)).toEqual(
      expect.arrayContaining([...STARTER_LISTS.imageSources]),
    );
    const own = buildEffectivePolicy(emptySettings(), { imageSources: ['images.example.org'] });
    expect(own.imageSources.map(formatSiteEntry)).toEqual(['images.example.org']);
  });

  it("counts a teacher's image-search lift only until it ends", () => {
    const settings = {
      ...emptySettings(),
      imageSearchLift: {
        until: '2026-11-22T10:30:00.000Z',
        by: 'Ms Khan',
        at: '2026-11-22T10:00:00.000Z',
      },
    };
    expect(
      buildEffectivePolicy(settings, {}, new Date('2026-11-22T10:29:59Z')).imageSearchLiftedUntil,
    ).toBe('2026-11-22T10:30:00.000Z');
    expect(
      buildEffectivePolicy(settings, {}, new Date('2026-11-22T10:30:00Z')).imageSearchLiftedUntil,
    ).toBeNull();
  });

  it('shows a local entry that repeats a managed one only once, as managed', () => {
    const settings = emptySettings();
    settings.lists.ks1.push({ site: 'bbc.co.uk', source: 'local' });
    expect(listView('ks1', settings, { ks1: ['bbc.co.uk'] }).entries).toEqual([
      { site: 'bbc.co.uk', source: 'managed' },
    ]);
  });

  describe('a lesson', () => {
    const lesson = (mode: 'focus' | 'add'): Lesson => ({
      id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
      name: 'Volcanoes',
      mode,
      sites: ['volcano.example.org', 'https://www.bbc.co.uk/bitesize/volcanoes/'],
      startsAt: '2026-11-22T09:00:00.000Z',
      endsAt: '2026-11-22T10:00:00.000Z',
      teacher: 'Ms Khan',
    });
    const during = new Date('2026-11-22T09:30:00Z');
    const settings = () => {
      const stored = emptySettings();
      stored.keyStage = 'ks2';
      stored.lists.ks2.push({ site: 'scratch.mit.edu', source: 'local' });
      stored.lists.alwaysBlocked.push({ site: 'volcano.example.org', source: 'local' });
      return stored;
    };

    it('in focus mode replaces the list, image sources included, while it runs', () => {
      const policy = buildEffectivePolicy(settings(), {}, during, lesson('focus'));
      expect(policy.allow.map(formatSiteEntry)).toEqual([
        'volcano.example.org',
        'www.bbc.co.uk/bitesize/volcanoes/',
      ]);
      expect(policy.lesson).toEqual({
        id: lesson('focus').id,
        mode: 'focus',
        endsAt: '2026-11-22T10:00:00.000Z',
      });
      // Always-blocked still applies on top of the lesson (the compiler ranks it higher).
      expect(policy.block.map(formatSiteEntry)).toEqual(['volcano.example.org']);
    });

    it('in add mode adds its sites to the class list', () => {
      const policy = buildEffectivePolicy(settings(), {}, during, lesson('add'));
      expect(sites(policy)).toEqual([
        'scratch.mit.edu',
        'volcano.example.org',
        'www.bbc.co.uk/bitesize/volcanoes/',
      ]);
    });

    it('changes nothing before it starts or once it has ended', () => {
      for (const at of ['2026-11-22T08:59:59Z', '2026-11-22T10:00:00Z']) {
        const policy = buildEffectivePolicy(settings(), {}, new Date(at), lesson('focus'));
        expect(policy.lesson).toBeNull();
        expect(sites(policy)).toEqual(['scratch.mit.edu']);
      }
    });
  });

  describe('what the classroom hub says', () => {
    const during = new Date('2026-11-22T09:30:00Z');
    const hub = (overrides: Partial<HubPolicy> = {}): HubPolicy => ({
      keyStage: 'ks2',
      schoolSites: ['school-added.example.org'],
      grants: [
        { site: '=www.youtube.com', until: '2026-11-22T10:15:00.000Z' },
        { site: '=old-grant.example', until: '2026-11-22T09:29:59.000Z' },
      ],
      ...overrides,
    });
    const lesson: Lesson = {
      id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
      name: 'Volcanoes',
      mode: 'focus',
      sites: ['volcano.example.org'],
      startsAt: '2026-11-22T09:00:00.000Z',
      endsAt: '2026-11-22T10:00:00.000Z',
      teacher: 'Ms Khan',
    };

    it('sets the key stage above managed policy and the device', () => {
      const settings = { ...emptySettings(), keyStage: 'ks2' as const };
      const managed = { keyStage: 'ks2' as const, ks1: ['ks1.example'], ks2: ['ks2.example'] };
      const policy = buildEffectivePolicy(
        settings,
        managed,
        during,
        null,
        hub({ keyStage: 'ks1' }),
      );
      expect(policy.keyStage).toBe('ks1');
      expect(policy.keyStageSource).toBe('hub');
      expect(sites(policy)).toContain('ks1.example');
      expect(sites(policy)).not.toContain('ks2.example');
      // Without the hub, the order below it is unchanged.
      expect(buildEffectivePolicy(settings, managed, during).keyStageSource).toBe('managed');
      expect(buildEffectivePolicy(settings, {}, during).keyStageSource).toBe('local');
    });

    it("adds the school's hub sites and the grants still running to the key stage list", () => {
      const policy = buildEffectivePolicy(
        emptySettings(),
        { ks2: ['bbc.co.uk'] },
        during,
        null,
        hub(),
      );
      expect(sites(policy)).toEqual(['bbc.co.uk', 'school-added.example.org', '=www.youtube.com']);
    });

    it('ignores a grant whose time is over', () => {
      const policy = buildEffectivePolicy(emptySettings(), {}, during, null, hub());
      expect(sites(policy)).not.toContain('=old-grant.example');
      const later = buildEffectivePolicy(
        emptySettings(),
        {},
        new Date('2026-11-22T10:15:00Z'),
        null,
        hub(),
      );
      expect(sites(policy)).toContain('=www.youtube.com');
      expect(sites(later)).not.toContain('=www.youtube.com');
    });

    it('keeps grants but not school sites during a focus lesson', () => {
      const policy = buildEffectivePolicy(emptySettings(), {}, during, lesson, hub());
      expect(policy.allow.map(formatSiteEntry)).toEqual([
        'volcano.example.org',
        '=www.youtube.com',
      ]);
    });

    it('changes by itself next at the earliest of a lesson end and a grant running out', () => {
      expect(nextPolicyChange(lesson, hub(), during)).toBe('2026-11-22T10:00:00.000Z');
      const early = hub({ grants: [{ site: '=a.example', until: '2026-11-22T09:45:00.000Z' }] });
      expect(nextPolicyChange(lesson, early, during)).toBe('2026-11-22T09:45:00.000Z');
      expect(nextPolicyChange(null, hub(), during)).toBe('2026-11-22T10:15:00.000Z');
      // A lesson not started yet changes the policy when it starts.
      expect(nextPolicyChange(lesson, null, new Date('2026-11-22T08:00:00Z'))).toBe(
        '2026-11-22T09:00:00.000Z',
      );
      expect(nextPolicyChange(null, hub({ grants: [] }), during)).toBeNull();
    });
  });
});
