import { describe, expect, it } from 'vitest';
import { buildEffectivePolicy, resolveKeyStage } from '../../shared/effective-policy';
import { readIdentityNote } from '../../shared/identity-note';
import type { Lesson } from '../../shared/lesson';
import type { ManagedFields } from '../../shared/managed-policy';
import { emptySettings, type KeyStage } from '../../shared/policy-model';
import { identityRequired, lockedForSignIn, type PupilIdentity } from '../../shared/pupil-identity';
import { formatSiteEntry } from '../../shared/site-entry';

const HUB = { hubUrl: 'https://hub.school.example', enrolmentToken: 'school-token-123' };
const signedIn: PupilIdentity = { signedIn: true };
const signedOut: PupilIdentity = { signedIn: false };

describe('identityRequired', () => {
  it.each([
    [{}, false],
    [{ hubUrl: HUB.hubUrl }, false],
    [{ enrolmentToken: HUB.enrolmentToken }, false],
    [HUB, true],
  ] as const)('%j → %s', (managed, expected) => {
    expect(identityRequired(managed)).toBe(expected);
    expect(lockedForSignIn(managed, signedOut)).toBe(expected);
    expect(lockedForSignIn(managed, signedIn)).toBe(false);
  });
});

describe('the key stage while nobody is signed in', () => {
  const ks2Locally = { ...emptySettings(), keyStage: 'ks2' as KeyStage };
  const ks2Hub = { keyStage: 'ks2' as const };
  type Case = [string, ManagedFields, PupilIdentity, boolean, KeyStage, string];
  const cases: Case[] = [
    [
      'hub school, signed out, managed KS2',
      { ...HUB, keyStage: 'ks2' },
      signedOut,
      false,
      'ks1',
      'not-signed-in',
    ],
    ['hub school, signed out, the hub said KS2', HUB, signedOut, true, 'ks1', 'not-signed-in'],
    ['hub school, signed in, the hub said KS2', HUB, signedIn, true, 'ks2', 'hub'],
    [
      'hub school, signed in, managed KS2',
      { ...HUB, keyStage: 'ks2' },
      signedIn,
      false,
      'ks2',
      'managed',
    ],
    ['no hub, signed out, managed KS2', { keyStage: 'ks2' }, signedOut, false, 'ks2', 'managed'],
    ['no hub, signed out, local KS2', {}, signedOut, false, 'ks2', 'local'],
  ];
  it.each(cases)('%s', (_name, managed, identity, hubSaid, keyStage, keyStageSource) => {
    const hub = hubSaid ? ks2Hub : null;
    expect(resolveKeyStage(ks2Locally, managed, hub, identity)).toEqual({
      keyStage,
      keyStageSource,
    });
  });

  it("drops the signed-out pupil's hub lesson, grants and school sites, leaving the KS1 list", () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const lesson: Lesson = {
      id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
      name: 'Volcanoes',
      mode: 'add',
      sites: ['volcano.example.org'],
      startsAt: '2026-03-02T09:30:00Z',
      endsAt: '2026-03-02T10:30:00Z',
      teacher: 'Ms Khan',
    };
    const hub = {
      keyStage: 'ks2' as const,
      schoolSites: ['school-added.example.org'],
      grants: [{ site: '=games.example', until: '2026-03-02T11:00:00Z' }],
    };
    const managed = {
      ...HUB,
      keyStage: 'ks2' as const,
      ks1: ['ks1.example'],
      ks2: ['ks2.example'],
    };
    const out = buildEffectivePolicy(emptySettings(), managed, now, lesson, hub, signedOut);
    const allowed = out.allow.map(formatSiteEntry);
    expect(out.keyStage).toBe('ks1');
    expect(out.keyStageSource).toBe('not-signed-in');
    expect(out.lesson).toBeNull();
    expect(allowed).toContain('ks1.example');
    for (const site of [
      'ks2.example',
      'volcano.example.org',
      'school-added.example.org',
      '=games.example',
    ]) {
      expect(allowed).not.toContain(site);
    }
    const back = buildEffectivePolicy(emptySettings(), managed, now, lesson, hub, signedIn);
    expect(back.keyStageSource).toBe('hub');
    expect(back.allow.map(formatSiteEntry)).toEqual(
      expect.arrayContaining([
        'ks2.example',
        'volcano.example.org',
        'school-added.example.org',
        '=games.example',
      ]),
    );
  });
});

describe('readIdentityNote', () => {
  it.each([
    [{ notSignedIn: true }, true],
    [{ notSignedIn: false }, false],
    [{ notSignedIn: 'yes' }, false],
    [undefined, false],
    [null, false],
    ['notSignedIn', false],
  ])('%j → %s', (stored, shown) => {
    expect(readIdentityNote(stored).notSignedIn).toBe(shown);
  });
});
