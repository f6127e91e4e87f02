// Every string the dashboard shows, in en-GB. The dashboard is a web page the hub serves, not an
// extension page, so it has no _locales; this one map is the place to change or translate text.
// `{name}` marks a value filled in by t().

const STRINGS = {
  page_title: 'Safe Class: teacher dashboard',
  app_name: 'Safe Class',
  loading: 'Loading…',
  try_again: 'Try again',

  login_heading: 'Log in to the teacher dashboard',
  login_intro: 'Use the username and password your school’s admin gave you.',
  login_username: 'Username',
  login_password: 'Password',
  login_submit: 'Log in',
  login_username_empty: 'Enter your username.',
  login_password_empty: 'Enter your password.',
  logged_out: 'You have logged out.',
  session_ended: 'Your login has ended: log in again. ({reason})',

  signed_in_as: 'Logged in as {name} ({role})',
  role_teacher: 'teacher',
  role_dsl: 'designated safeguarding lead',
  role_admin: 'admin',
  logout: 'Log out',

  classes_heading_own: 'Your classes',
  classes_heading_all: 'All classes',
  classes_none: 'You have no classes yet. Your school’s admin adds classes and rosters.',
  class_summary: '{keyStage}, {count} pupils, {teacher}',
  class_pick: 'Choose a class to see its pupils and start a lesson.',
  key_stage_ks1: 'Key stage 1',
  key_stage_ks2: 'Key stage 2',

  live_socket: 'Live',
  live_polling: 'Updating every 2 seconds',
  live_connecting: 'Connecting…',

  pupils_heading: 'Pupils',
  pupils_caption: '{count} pupils in {class}',
  pupils_none: 'There are no pupils on this class’s roster yet.',
  pupils_key:
    'Enforcing: the device has the class’s current rules. Pending: the device is online and still putting them in place. Offline: the device is not connected.',
  column_pupil: 'Pupil',
  column_status: 'Status',
  column_site: 'Site now',
  column_last_seen: 'Last seen',
  status_enforcing: 'Enforcing',
  status_pending: 'Pending',
  status_offline: 'Offline',
  site_none: 'None',
  last_seen_never: 'Never',

  builder_heading: 'Start a lesson',
  builder_name: 'Lesson name',
  builder_sites: 'Sites, one a line',
  builder_sites_hint:
    'A whole site (bbc.co.uk), one host (=www.bbc.co.uk), or a page and everything under it (https://www.bbc.co.uk/bitesize/).',
  builder_quick_add: 'Quick add: {keyStage} sites',
  builder_mode: 'What pupils can visit',
  builder_mode_focus: 'Focus (only these sites)',
  builder_mode_add: 'Add to the class list',
  builder_minutes: 'Length',
  builder_minutes_option: '{minutes} minutes',
  builder_start: 'Start lesson',
  builder_name_empty: 'Give the lesson a name.',
  builder_sites_empty: 'Add at least one site.',

  lesson_heading: 'Lesson running: {name}',
  lesson_mode: 'Mode',
  lesson_mode_focus: 'Focus: only these sites',
  lesson_mode_add: 'These sites added to the class list',
  lesson_ends: 'Ends at',
  lesson_sites: 'Sites',
  lesson_end: 'End lesson',
  lesson_started: 'The lesson has started.',
  lesson_ended: 'The lesson has ended.',

  error_offline: 'The hub could not be reached. Check the connection and try again.',
  error_status: 'The hub answered {status} without saying why.',
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
