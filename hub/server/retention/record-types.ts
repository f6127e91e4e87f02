// Every kind of record the hub holds, with how long it is kept and why, how it is tied to a pupil,
// what a subject-access export shows of it, what erasure does with it, and how the weekly summary
// counts it (record-type.ts says what each field means). A new table is one entry here; a test
// fails until every table has one.
//
// Order matters: an entry comes before every type it references, so the sweep and erasure reach
// a row's referrers before the row (records about a pupil first, then devices, then the roster).
import { FLAG_REASONS } from '../../../shared/flag';
import { CATEGORY_VALUES, CIRCUMVENTION_HIGHLIGHT } from '../filtering-record-words';
import { REASON_WORDS } from '../flag-words';
import { KIND_VALUES, OUTCOME_VALUES } from '../pupil-event-words';
import { recordType, type RecordType } from './record-type';

/**
 * The usual period for a record that shows a pattern over a school year: kept a year by default,
 * the admin may choose 30 days to 6 years.
 */
const A_SCHOOL_YEAR = { kind: 'age', defaultDays: 365, minDays: 30, maxDays: 6 * 365 } as const;

/** A flag is an open safeguarding case until the DSL (or staff) closes it. */
const OPEN_CASE = {
  column: 'status',
  values: ['closed'],
  why: 'An open safeguarding case: it stays until the DSL closes it.',
} as const;

/**
 * A record a pupil's device sent (with the pupil, once their email was on a roster): it is about
 * whoever the pupil or the device is. Its device stays while it does (erasure keeps the device of
 * a kept flag); erasing the pupil empties its pupil column.
 */
const FROM_DEVICE = { kind: 'pupil-or-device', pupil: 'pupil_id', device: 'device_id' } as const;
const FROM_DEVICE_REFERENCES = [
  { column: 'device_id', type: 'devices', onRemove: 'block' },
  { column: 'pupil_id', type: 'pupils', onRemove: 'clear' },
] as const;

const flags = recordType({
  name: 'flags',
  label: 'Flags',
  table: 'flags',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'received_at',
    defaultDays: 6 * 365,
    minDays: 90,
    maxDays: 25 * 365,
    why: 'The DSL needs a pupil’s history of concerns for years; set it to the school’s safeguarding records policy. A flag is never removed while its case is open.',
  },
  school: { column: 'school_id' },
  pupil: FROM_DEVICE,
  references: FROM_DEVICE_REFERENCES,
  keepUntil: OPEN_CASE,
  erasure: { kind: 'delete' },
  export: {
    columns: [
      'id',
      'class_id',
      'url',
      'title',
      'reason',
      'note',
      'source',
      'created_at',
      'received_at',
      'screenshot',
      'status',
      'action_taken',
      'handled_by',
      'handled_at',
      'escalated_by',
      'escalated_at',
    ],
    names: { class_id: 'classes', handled_by: 'users', escalated_by: 'users' },
    describe: {
      screenshot: (key) =>
        `Held on the hub; only the DSL can open it, at /api/flags/${String(key)}/screenshot`,
    },
  },
  summary: {
    time: 'created_at',
    breakdowns: [
      {
        column: 'reason',
        label: 'By what happened',
        values: [
          ...FLAG_REASONS.map((reason) => ({ value: reason, label: REASON_WORDS[reason] })),
          { value: null, label: 'No reason given' },
        ],
      },
      {
        column: 'status',
        label: 'By where they stand',
        values: [
          { value: 'open', label: 'Waiting' },
          { value: 'acknowledged', label: 'Acknowledged' },
          { value: 'escalated', label: 'With the DSL' },
          { value: 'closed', label: 'Closed' },
        ],
      },
      { column: 'class_id', label: 'By class', byClassName: true },
    ],
  },
});

const flagEvents = recordType({
  name: 'flag_events',
  label: 'Flag handling steps',
  table: 'flag_events',
  key: 'id',
  retention: { kind: 'with', type: 'flags', why: 'Part of the flag’s record: kept with it.' },
  pupil: { kind: 'through', column: 'flag_id', type: 'flags' },
  references: [{ column: 'flag_id', type: 'flags', onRemove: 'delete' }],
  export: {
    columns: ['id', 'flag_id', 'at', 'user_id', 'action', 'note'],
    names: { user_id: 'users' },
  },
});

const screenshots = recordType({
  name: 'screenshots',
  label: 'Flag screenshots',
  table: 'flags',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'received_at',
    clears: 'screenshot',
    defaultDays: 30,
    minDays: 1,
    maxDays: 365,
    why: 'A screenshot may show something harmful; the DSL keeps any evidence in the school’s own safeguarding system. Kept while the flag’s case is open.',
  },
  school: { column: 'school_id' },
  keepUntil: OPEN_CASE,
});

const keywordAlerts = recordType({
  name: 'keyword_alerts',
  label: 'Keyword alerts',
  table: 'keyword_alerts',
  key: 'id',
  retention: {
    ...A_SCHOOL_YEAR,
    column: 'received_at',
    why: 'A school year lets the DSL see a pattern; anything of concern becomes a record in the school’s safeguarding system.',
  },
  school: { column: 'school_id' },
  pupil: FROM_DEVICE,
  references: FROM_DEVICE_REFERENCES,
  erasure: { kind: 'delete' },
  export: {
    columns: ['id', 'class_id', 'keyword', 'found_in', 'url', 'created_at', 'received_at'],
    names: { class_id: 'classes' },
  },
  summary: {
    time: 'created_at',
    breakdowns: [
      { column: 'keyword', label: 'By keyword' },
      {
        column: 'found_in',
        label: 'Where it was found',
        values: [
          { value: 'search', label: 'In a search' },
          { value: 'title', label: 'In a page title' },
        ],
      },
    ],
  },
});

const pupilEvents = recordType({
  name: 'pupil_events',
  label: 'Prompt and download records',
  table: 'pupil_events',
  key: 'id',
  retention: {
    ...A_SCHOOL_YEAR,
    column: 'received_at',
    why: 'What the teaching prompts and the download guard recorded, by type only, for a school year.',
  },
  school: { column: 'school_id' },
  pupil: FROM_DEVICE,
  references: FROM_DEVICE_REFERENCES,
  erasure: { kind: 'delete' },
  export: {
    columns: [
      'id',
      'class_id',
      'kind',
      'detail',
      'outcome',
      'site',
      'target',
      'file_type',
      'created_at',
      'received_at',
    ],
    names: { class_id: 'classes' },
  },
  summary: {
    time: 'created_at',
    breakdowns: [
      { column: 'kind', label: 'By kind', values: KIND_VALUES },
      { column: 'outcome', label: 'By outcome', values: OUTCOME_VALUES },
    ],
  },
});

const protectionAlerts = recordType({
  name: 'protection_alerts',
  label: 'Protection alerts',
  table: 'protection_alerts',
  key: 'id',
  retention: {
    ...A_SCHOOL_YEAR,
    column: 'started_at',
    why: 'When a pupil’s filtering was off in a lesson (a device gone silent or not enforcing the school’s policy): a school year shows a pattern for the DSL and for governors’ reviews of filtering.',
  },
  school: { column: 'school_id' },
  pupil: FROM_DEVICE,
  references: [
    ...FROM_DEVICE_REFERENCES,
    { column: 'class_id', type: 'classes', onRemove: 'clear' },
  ],
  erasure: { kind: 'delete' },
  export: {
    columns: ['id', 'class_id', 'kind', 'detail', 'started_at', 'ended_at'],
    names: { class_id: 'classes' },
  },
  summary: {
    time: 'started_at',
    breakdowns: [
      {
        column: 'kind',
        label: 'By what the hub saw',
        values: [
          { value: 'off', label: 'The device went silent' },
          { value: 'unsafe', label: 'The device was not enforcing the school’s policy' },
        ],
      },
      { column: 'class_id', label: 'By class', byClassName: true },
    ],
  },
});

const deviceHealth = recordType({
  name: 'device_health',
  label: 'Device health reports',
  table: 'device_health',
  key: 'device_id',
  retention: {
    kind: 'with',
    type: 'devices',
    why: 'Only the latest report of each device, replaced every minute while it is connected; kept with its device.',
  },
  pupil: { kind: 'through', column: 'device_id', type: 'devices' },
  references: [{ column: 'device_id', type: 'devices', onRemove: 'delete' }],
  export: {
    columns: [
      'received_at',
      'policy_hash',
      'key_stage',
      'key_stage_source',
      'lists',
      'rule_count',
      'incognito_allowed',
      'signed_in',
      'last_hub_contact',
      'last_error',
      'unsafe',
    ],
  },
});

const filteringRecords = recordType({
  name: 'filtering_records',
  label: 'Filtering record (blocked attempts)',
  table: 'filtering_records',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'received_at',
    defaultDays: 365,
    minDays: 30,
    maxDays: 7 * 365,
    why: 'The DfE filtering record of blocked attempts (device, pupil, time, address, verdict): a school year lets the DSL and governors review filtering and spot a pattern; up to seven years where the school’s records policy keeps it longer.',
  },
  school: { column: 'school_id' },
  pupil: FROM_DEVICE,
  references: FROM_DEVICE_REFERENCES,
  erasure: { kind: 'delete' },
  export: {
    columns: ['id', 'created_at', 'received_at', 'url', 'category', 'verdict'],
  },
  summary: {
    time: 'created_at',
    breakdowns: [{ column: 'category', label: 'By category', values: CATEGORY_VALUES }],
    highlights: [CIRCUMVENTION_HIGHLIGHT],
  },
});

const grants = recordType({
  name: 'grants',
  label: 'Sites allowed on request',
  table: 'grants',
  key: 'request_id',
  retention: {
    kind: 'with',
    type: 'visit_requests',
    why: 'Part of the answer to an ask-to-visit request: kept with it.',
  },
  pupil: { kind: 'through', column: 'request_id', type: 'visit_requests' },
  references: [
    { column: 'request_id', type: 'visit_requests', onRemove: 'delete' },
    { column: 'lesson_id', type: 'lessons', onRemove: 'clear' },
    { column: 'device_id', type: 'devices', onRemove: 'block' },
    { column: 'pupil_id', type: 'pupils', onRemove: 'clear' },
  ],
  export: { columns: ['request_id', 'scope', 'site', 'until', 'lesson_id', 'created_at'] },
});

const changeRequests = recordType({
  name: 'change_requests',
  label: 'Changes to the school list asked for',
  table: 'change_requests',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'asked_at',
    defaultDays: 2 * 365,
    minDays: 365,
    maxDays: 10 * 365,
    why: 'Who asked for a site and who approved it, for two school years of governors’ reviews of filtering. One waiting for a decision is kept.',
  },
  school: { column: 'school_id' },
  references: [{ column: 'request_id', type: 'visit_requests', onRemove: 'clear' }],
  keepUntil: {
    column: 'status',
    values: ['approved', 'rejected'],
    why: 'Waiting for the admin’s decision.',
  },
  summary: {
    time: 'asked_at',
    breakdowns: [
      {
        column: 'status',
        label: 'By decision',
        values: [
          { value: 'pending', label: 'Waiting for the admin' },
          { value: 'approved', label: 'Approved' },
          { value: 'rejected', label: 'Rejected' },
        ],
      },
    ],
  },
});

const visitRequests = recordType({
  name: 'visit_requests',
  label: 'Requests to visit or download',
  table: 'visit_requests',
  key: 'id',
  retention: {
    ...A_SCHOOL_YEAR,
    column: 'received_at',
    why: 'Part of the filtering record (who asked for which address, when, and the answer) for a school year.',
  },
  school: { through: { column: 'device_id', table: 'devices' } },
  pupil: FROM_DEVICE,
  references: FROM_DEVICE_REFERENCES,
  erasure: { kind: 'delete' },
  export: {
    columns: [
      'id',
      'class_id',
      'url',
      'reason',
      'created_at',
      'received_at',
      'status',
      'scope',
      'duration',
      'answered_by',
      'answered_at',
      'kind',
      'file_name',
    ],
    names: { class_id: 'classes', answered_by: 'users' },
  },
  summary: {
    time: 'created_at',
    breakdowns: [
      {
        column: 'status',
        label: 'By answer',
        values: [
          { value: 'pending', label: 'Not answered' },
          { value: 'allowed', label: 'Allowed' },
          { value: 'denied', label: 'Denied' },
        ],
      },
      {
        column: 'kind',
        label: 'By kind',
        values: [
          { value: 'visit', label: 'To visit a site' },
          { value: 'download', label: 'To download a file' },
        ],
      },
    ],
  },
});

const lessons = recordType({
  name: 'lessons',
  label: 'Lessons',
  table: 'lessons',
  key: 'id',
  retention: {
    ...A_SCHOOL_YEAR,
    column: 'ends_at',
    why: 'Which sites a class had in which lesson, for a school year of the filtering record.',
  },
  school: { through: { column: 'class_id', table: 'classes' } },
  pupil: { kind: 'named-by', type: 'grants', column: 'lesson_id' },
  erasure: { kind: 'keep' },
  export: { columns: ['id', 'name', 'starts_at', 'ends_at'] },
  summary: {
    time: 'starts_at',
    breakdowns: [
      {
        column: 'mode',
        label: 'By kind',
        values: [
          { value: 'focus', label: 'Focus (only the lesson’s sites)' },
          { value: 'add', label: 'Sites added to the class list' },
        ],
      },
    ],
  },
});

const changeLog = recordType({
  name: 'change_log',
  label: 'Change log',
  table: 'change_log',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'at',
    defaultDays: 2 * 365,
    minDays: 365,
    maxDays: 10 * 365,
    why: 'The filtering record of every change, who asked and who approved, for two school years of governors’ reviews.',
  },
  school: { column: 'school_id' },
  pupil: { kind: 'pupil-or-device', pupil: 'pupil_id', device: 'device_id' },
  // The change itself stays in the filtering record; who asked and their words do not.
  erasure: {
    kind: 'blank',
    set: { asked_by: 'A pupil whose data was erased', reason: '', pupil_id: null, device_id: null },
  },
  export: { columns: ['id', 'at', 'action', 'summary', 'asked_by', 'approved_by', 'reason'] },
});

const sessions = recordType({
  name: 'sessions',
  label: 'Staff logins',
  table: 'sessions',
  key: 'id_hash',
  retention: {
    kind: 'age',
    column: 'expires_at',
    defaultDays: 0,
    minDays: 0,
    maxDays: 30,
    why: 'A login is no use once it has ended.',
  },
  school: { through: { column: 'user_id', table: 'users' } },
});

const retentionSweeps = recordType({
  name: 'retention_sweeps',
  label: 'Retention sweeps',
  table: 'retention_sweeps',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'finished_at',
    defaultDays: 365,
    minDays: 30,
    maxDays: 10 * 365,
    why: 'Shows the hub deleted what it should; counts only.',
  },
  school: { column: 'school_id' },
});

const erasures = recordType({
  name: 'erasures',
  label: 'Erasure log',
  table: 'erasures',
  key: 'id',
  retention: {
    kind: 'age',
    column: 'at',
    defaultDays: 6 * 365,
    minDays: 365,
    maxDays: 25 * 365,
    why: 'Shows an erasure was done, and what was kept; names the pupil only by the hub’s id.',
  },
  school: { column: 'school_id' },
});

const devices = recordType({
  name: 'devices',
  label: 'Enrolled devices',
  table: 'devices',
  key: 'id',
  retention: {
    kind: 'while',
    why: 'Kept while the device is enrolled for the pupil; erasing the pupil removes it (or, while a kept flag names it, stops its token working).',
  },
  pupil: { kind: 'account' },
  erasure: {
    kind: 'delete',
    whenHeld: {
      column: 'token_hash',
      value: 'unusable-token',
      why: 'Names the pupil on a kept flag; its token no longer works.',
    },
  },
  export: { columns: ['id', 'device_id', 'email', 'enrolled_at'] },
});

const pupils = recordType({
  name: 'pupils',
  label: 'Roster entry',
  table: 'pupils',
  key: 'id',
  retention: {
    kind: 'while',
    why: 'Kept while the pupil is on a roster (an import never removes anyone); when they leave, the admin erases them.',
  },
  pupil: { kind: 'self' },
  erasure: { kind: 'delete' },
  export: {
    columns: ['id', 'name', 'email', 'class_id', 'created_at', 'updated_at'],
    names: { class_id: 'classes' },
  },
});

/** Records about the school's running, not about a pupil: kept while in use. */
const inUse = (why: string) => ({ kind: 'while', why }) as const;

const configuration = [
  recordType({
    name: 'users',
    label: 'Staff accounts',
    table: 'users',
    key: 'id',
    retention: inUse('Kept while the member of staff can log in.'),
  }),
  recordType({
    name: 'classes',
    label: 'Classes',
    table: 'classes',
    key: 'id',
    retention: inUse('Kept while the class exists.'),
  }),
  recordType({
    name: 'school_sites',
    label: 'Sites the hub adds to the school lists',
    table: 'school_sites',
    key: 'id',
    retention: inUse('Kept while the site is on the list; its removal is in the change log.'),
  }),
  recordType({
    name: 'school_keywords',
    label: 'School keyword list',
    table: 'school_keywords',
    key: 'school_id',
    retention: inUse('Kept while in force; every change is in the change log.'),
  }),
  recordType({
    name: 'retention_settings',
    label: 'Retention periods',
    table: 'retention_settings',
    key: 'record_type',
    retention: inUse('The school’s own periods; every change is in the change log.'),
  }),
  recordType({
    name: 'schools',
    label: 'The school',
    table: 'schools',
    key: 'id',
    retention: inUse('The school’s name and enrolment token.'),
  }),
];

export const RECORD_TYPES: readonly RecordType[] = [
  flagEvents,
  screenshots,
  flags,
  keywordAlerts,
  pupilEvents,
  protectionAlerts,
  deviceHealth,
  filteringRecords,
  grants,
  changeRequests,
  visitRequests,
  lessons,
  changeLog,
  sessions,
  retentionSweeps,
  erasures,
  devices,
  pupils,
  ...configuration,
];

export function findRecordType(name: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => type.name === name);
}
