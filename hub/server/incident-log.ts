// The incident log as a school keeps it: for each flag, when, what happened (the pupil's reason in
// words, the page's title and address, their note), who (the pupil and class), who reported it
// and how (the pupil, with which button), what was done and by whom (every handling step), and
// where it stands. Dates and times are the school's own (local-day.ts).
import { formatCsv } from './csv-export';
import type { HubDb } from './database';
import { readSchoolFlags, type FlagStep, type FlagView } from './flags';
import { reasonWords, SOURCE_WORDS, STEP_WORDS } from './flag-words';
import { localDate, localTime } from './local-day';

export const INCIDENT_CSV_HEADER = [
  'id',
  'date',
  'time',
  'incident',
  'pupil',
  'class',
  'reported_by',
  'actions',
  'status',
];

const when = (at: string) => {
  const date = new Date(at);
  return `${localDate(date)} ${localTime(date)}`;
};

function describeIncident(flag: FlagView): string {
  const lines = [`${reasonWords(flag.reason)}: ${flag.title || '(no title)'}`, flag.url];
  if (flag.note !== '') lines.push(`Pupil's note: ${flag.note}`);
  return lines.join('\n');
}

function describeStep(step: FlagStep): string {
  const done = `${when(step.at)} ${step.by} ${STEP_WORDS[step.action]}`;
  return step.note === '' ? done : `${done}: ${step.note}`;
}

/** The pupil by name, or the account when they are on no roster. */
const reporter = (flag: FlagView) => flag.pupil?.name ?? flag.account;

export function incidentRow(flag: FlagView): string[] {
  const created = new Date(flag.createdAt);
  return [
    flag.id,
    localDate(created),
    localTime(created),
    describeIncident(flag),
    reporter(flag),
    flag.class?.name ?? 'On no roster',
    `${reporter(flag)}, with ${SOURCE_WORDS[flag.source]}`,
    flag.history.map(describeStep).join('\n'),
    flag.status,
  ];
}

/** Every flag of the school, oldest first, as CSV a spreadsheet can't run as formulas. */
export async function incidentLogCsv(db: HubDb, schoolId: number): Promise<string> {
  const flags = await readSchoolFlags(db, schoolId);
  return formatCsv([INCIDENT_CSV_HEADER, ...flags.map(incidentRow)]);
}
