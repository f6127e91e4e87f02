// The keyword list a new demo school starts with, so the DSL sees keyword alerts working at once.
// A starting point for the DSL to review against their own school's risks, not a recommendation:
// short, plain, non-graphic terms a primary pupil in difficulty might search for, from the three
// areas keyword monitoring is for in UK schools (KCSIE: self-harm and suicide, abuse and
// exploitation, and radicalisation under the Prevent duty). Bare words that KS2 topics use all the
// time are left out on purpose: "isis" (Ancient Egypt) and "nazi" (the Second World War) would
// flood the DSL with history homework, so the extremism terms are phrases.
export const STARTER_KEYWORDS: readonly string[] = [
  // Self-harm and suicide.
  'suicide',
  'kill myself',
  'want to die',
  'hurt myself',
  'self harm',
  'self-harm',
  'cutting myself',
  // Abuse and exploitation.
  'abuse',
  'grooming',
  'nudes',
  'sexting',
  // Radicalisation (Prevent).
  'join isis',
  'islamic state',
  'white power',
];
