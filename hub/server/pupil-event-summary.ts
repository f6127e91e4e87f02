// A class's Zip It, Block It, copyright and download records over a period, as a teacher reads
// them: grouped per pupil and per type (what it was about, what happened next), each group with
// its count, its latest time and the sites involved. Never the raw flood: thirty pupils each
// reminded about copyright twenty times is thirty lines, not six hundred. What needs a teacher's
// eye comes first (`needsTeacherEye`).
import {
  PUPIL_EVENT_DETAILS,
  PUPIL_EVENT_KINDS,
  PUPIL_EVENT_OUTCOMES,
  type PupilEventKind,
} from '../../shared/pupil-event';
import type { HubDb } from './database';
import { describeWindow, type EventWindow } from './pupil-events';

/** Most sites (or targets, or file types) a group names; the rest are counted. */
export const MAX_LISTED = 8;

/**
 * Worth a look before the rest: a pupil who sent a personal detail because a teacher said it was
 * fine, a Block It the pupil flagged, a download held for a teacher, and a program or torrent the
 * guard blocked. Keeping a detail private, staying away from a link, an allowed download and a
 * copyright reminder are the prompts working as they should.
 */
export function needsTeacherEye(kind: PupilEventKind, detail: string, outcome: string): boolean {
  switch (kind) {
    case 'zip-it':
      return outcome === 'teacher-said-ok';
    case 'block-it':
      return outcome === 'flagged';
    case 'download':
      return (
        outcome === 'held' || (outcome === 'blocked' && ['program', 'torrent'].includes(detail))
      );
    case 'copyright':
      return false;
  }
}

/** Names most often seen first, at most MAX_LISTED, and how many more there were. */
export interface Listed {
  top: string[];
  more: number;
}

export interface PupilEventGroup {
  kind: PupilEventKind;
  detail: string;
  outcome: string;
  count: number;
  latestAt: string;
  attention: boolean;
  /** Where the pupil was (a download: the site it came from). */
  sites: Listed;
  /** Block It: where the links led. */
  targets: Listed;
  /** Downloads: the files' extensions or MIME types. */
  fileTypes: Listed;
}

export interface PupilEventsOfPupil {
  pupil: { id: number; name: string };
  total: number;
  /** Records in groups that need a teacher's eye. */
  attention: number;
  latestAt: string;
  byKind: Record<PupilEventKind, number>;
  groups: PupilEventGroup[];
}

export interface ClassPupilEvents {
  window: ReturnType<typeof describeWindow>;
  totals: {
    total: number;
    attention: number;
    /** Pupils with at least one record. */
    pupils: number;
    byKind: Record<PupilEventKind, number>;
    /** Every kind's every outcome, in the contract's order, zeroes included. */
    byOutcome: { kind: PupilEventKind; outcome: string; count: number }[];
  };
  /** Pupils with records: those with most needing a look first, then by name. */
  pupils: PupilEventsOfPupil[];
}

const zeroKinds = (): Record<PupilEventKind, number> => ({
  'zip-it': 0,
  'block-it': 0,
  download: 0,
  copyright: 0,
});

function listed(counts: Map<string, number>): Listed {
  const names = [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([name]) => name);
  return { top: names.slice(0, MAX_LISTED), more: Math.max(0, names.length - MAX_LISTED) };
}

const add = (counts: Map<string, number>, name: string | null, count: number) => {
  if (name !== null && name !== '') counts.set(name, (counts.get(name) ?? 0) + count);
};

/** Where a group sorts among a pupil's: needing a look first, then in the contract's order. */
function groupOrder(group: {
  kind: PupilEventKind;
  detail: string;
  outcome: string;
  attention: boolean;
}) {
  const details: readonly string[] = PUPIL_EVENT_DETAILS[group.kind];
  const outcomes: readonly string[] = PUPIL_EVENT_OUTCOMES[group.kind];
  return [
    group.attention ? 0 : 1,
    PUPIL_EVENT_KINDS.indexOf(group.kind),
    details.indexOf(group.detail),
    outcomes.indexOf(group.outcome),
  ];
}

const compareOrder = (a: number[], b: number[]) => {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

/** What the database groups by, and so each row names. */
const GROUPED_BY = [
  'pupils.id',
  'pupils.name',
  'pupil_events.kind',
  'pupil_events.detail',
  'pupil_events.outcome',
  'pupil_events.site',
  'pupil_events.target',
  'pupil_events.file_type',
] as const;

interface GroupBuilder {
  kind: PupilEventKind;
  detail: string;
  outcome: string;
  count: number;
  latestAt: string;
  sites: Map<string, number>;
  targets: Map<string, number>;
  fileTypes: Map<string, number>;
}

export async function classPupilEvents(
  db: HubDb,
  classId: number,
  window: EventWindow,
): Promise<ClassPupilEvents> {
  // Grouped in the database down to the site, so a pupil's hundred visits to one page are one
  // row; what is left is small enough to fold into groups here, in plain SQL either engine runs.
  const rows = await db
    .selectFrom('pupil_events')
    .innerJoin('pupils', 'pupils.id', 'pupil_events.pupil_id')
    .select((eb) => [
      ...GROUPED_BY,
      eb.fn.countAll<number>().as('count'),
      eb.fn.max('pupil_events.created_at').as('latest_at'),
    ])
    .where('pupil_events.class_id', '=', classId)
    .where('pupil_events.created_at', '>=', window.from.toISOString())
    .where('pupil_events.created_at', '<', window.to.toISOString())
    .groupBy([...GROUPED_BY])
    .execute();

  const pupils = new Map<number, { name: string; groups: Map<string, GroupBuilder> }>();
  for (const row of rows) {
    const count = Number(row.count);
    let pupil = pupils.get(row.id);
    if (!pupil) {
      pupil = { name: row.name, groups: new Map() };
      pupils.set(row.id, pupil);
    }
    const key = `${row.kind} ${row.detail} ${row.outcome}`;
    let group = pupil.groups.get(key);
    if (!group) {
      group = {
        kind: row.kind,
        detail: row.detail,
        outcome: row.outcome,
        count: 0,
        latestAt: row.latest_at,
        sites: new Map(),
        targets: new Map(),
        fileTypes: new Map(),
      };
      pupil.groups.set(key, group);
    }
    group.count += count;
    if (row.latest_at > group.latestAt) group.latestAt = row.latest_at;
    add(group.sites, row.site, count);
    add(group.targets, row.target, count);
    add(group.fileTypes, row.file_type, count);
  }

  const totals: ClassPupilEvents['totals'] = {
    total: 0,
    attention: 0,
    pupils: pupils.size,
    byKind: zeroKinds(),
    byOutcome: PUPIL_EVENT_KINDS.flatMap((kind) =>
      PUPIL_EVENT_OUTCOMES[kind].map((outcome) => ({ kind, outcome: outcome as string, count: 0 })),
    ),
  };
  const byPupil: PupilEventsOfPupil[] = [...pupils].map(([id, pupil]) => {
    const groups = [...pupil.groups.values()]
      .map((group): PupilEventGroup => ({
        kind: group.kind,
        detail: group.detail,
        outcome: group.outcome,
        count: group.count,
        latestAt: group.latestAt,
        attention: needsTeacherEye(group.kind, group.detail, group.outcome),
        sites: listed(group.sites),
        targets: listed(group.targets),
        fileTypes: listed(group.fileTypes),
      }))
      .sort((a, b) => compareOrder(groupOrder(a), groupOrder(b)));
    const byKind = zeroKinds();
    let attention = 0;
    for (const group of groups) {
      byKind[group.kind] += group.count;
      if (group.attention) attention += group.count;
      const outcome = totals.byOutcome.find(
        (entry) => entry.kind === group.kind && entry.outcome === group.outcome,
      );
      if (outcome) outcome.count += group.count;
    }
    const total = groups.reduce((sum, group) => sum + group.count, 0);
    totals.total += total;
    totals.attention += attention;
    for (const kind of PUPIL_EVENT_KINDS) totals.byKind[kind] += byKind[kind];
    return {
      pupil: { id, name: pupil.name },
      total,
      attention,
      latestAt: groups.reduce(
        (latest, group) => (group.latestAt > latest ? group.latestAt : latest),
        '',
      ),
      byKind,
      groups,
    };
  });
  byPupil.sort((a, b) => b.attention - a.attention || a.pupil.name.localeCompare(b.pupil.name));
  return { window: describeWindow(window), totals, pupils: byPupil };
}
