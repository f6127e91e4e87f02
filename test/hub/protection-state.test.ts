// Every case of "protection on / off / unknown" for a pupil in a running lesson, one a line.
import { describe, expect, it } from 'vitest';
import {
  protectionOf,
  silenceEndsAt,
  type AlertKind,
  type ProtectionSignals,
} from '../../hub/server/protection-state';

const lesson = { startsAt: '2026-03-02T09:00:00.000Z' };
const now = new Date('2026-03-02T09:30:00.000Z');
const SILENCE = 3 * 60_000;
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const safe = { receivedAt: minutesAgo(1), unsafe: [] };
const unsafe = { receivedAt: minutesAgo(1), unsafe: ['rules-missing' as const] };

type Case = [string, ProtectionSignals, AlertKind | null, string, string | null];
const cases: Case[] = [
  [
    'connected, safe report',
    { connected: true, lastSeen: minutesAgo(0), health: safe },
    null,
    'on',
    null,
  ],
  [
    'connected, unsafe report',
    { connected: true, lastSeen: minutesAgo(0), health: unsafe },
    null,
    'off',
    'unsafe',
  ],
  [
    'connected, no report yet',
    { connected: true, lastSeen: minutesAgo(0), health: null },
    null,
    'unknown',
    'no-report',
  ],
  [
    'gone 1 min ago, within the silence period',
    { connected: false, lastSeen: minutesAgo(1), health: safe },
    null,
    'on',
    null,
  ],
  [
    'gone exactly the silence period ago',
    { connected: false, lastSeen: minutesAgo(3), health: safe },
    null,
    'on',
    null,
  ],
  [
    'gone 4 min ago, past the silence period',
    { connected: false, lastSeen: minutesAgo(4), health: safe },
    null,
    'off',
    'silent',
  ],
  [
    'gone 1 min ago, its last report unsafe',
    { connected: false, lastSeen: minutesAgo(1), health: unsafe },
    null,
    'off',
    'unsafe',
  ],
  [
    'gone 4 min ago, its last report unsafe',
    { connected: false, lastSeen: minutesAgo(4), health: unsafe },
    null,
    'off',
    'silent',
  ],
  [
    'last heard before the lesson began',
    { connected: false, lastSeen: minutesAgo(45), health: safe },
    null,
    'unknown',
    'not-heard',
  ],
  ['never heard', { connected: false, lastSeen: null, health: null }, null, 'unknown', 'not-heard'],
  [
    'never heard since a restart, alert still open',
    { connected: false, lastSeen: null, health: null },
    'off',
    'off',
    'silent',
  ],
  [
    'back and reporting, alert not closed yet',
    { connected: true, lastSeen: minutesAgo(0), health: safe },
    'off',
    'off',
    'silent',
  ],
  [
    'an open unsafe alert',
    { connected: false, lastSeen: null, health: null },
    'unsafe',
    'off',
    'unsafe',
  ],
];

describe('protectionOf', () => {
  it.each(cases)('%s → %s', (_name, signals, openAlert, state, reason) => {
    expect(protectionOf(signals, { lesson, openAlert, now, silenceMs: SILENCE })).toEqual({
      state,
      reason,
    });
  });
});

describe('silenceEndsAt', () => {
  it('is the silence period after the last word, for a pupil with no device connected', () => {
    expect(
      silenceEndsAt({ connected: false, lastSeen: minutesAgo(1), health: null }, SILENCE),
    ).toBe(now.getTime() + 2 * 60_000);
    expect(silenceEndsAt({ connected: true, lastSeen: minutesAgo(1), health: null }, SILENCE)).toBe(
      null,
    );
    expect(silenceEndsAt({ connected: false, lastSeen: null, health: null }, SILENCE)).toBe(null);
  });
});
