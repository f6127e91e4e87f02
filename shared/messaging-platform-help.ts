// The "how to block someone here" help for each messaging platform in
// shared/messaging-platforms.ts: its name as pupils see it on screen and the short steps, as
// _locales keys. Apart from the platform data because only the drawing code needs it, and the
// platform data ships in the small script every page runs.

export interface PlatformHelp {
  /** The platform's own name, as it appears on its pages. */
  name: string;
  /** _locales keys of the steps, in order. */
  blockSteps: readonly string[];
}

/** Every platform's last step: a pupil always tells a trusted adult too. */
const TELL = 'how_to_block_tell_teacher';

export const PLATFORM_HELP: Readonly<Record<string, PlatformHelp>> = {
  gmail: {
    name: 'Gmail',
    blockSteps: ['how_to_block_gmail_1', 'how_to_block_gmail_2', 'how_to_block_gmail_3', TELL],
  },
  outlook: {
    name: 'Outlook',
    blockSteps: [
      'how_to_block_outlook_1',
      'how_to_block_outlook_2',
      'how_to_block_outlook_3',
      TELL,
    ],
  },
  teams: {
    name: 'Microsoft Teams',
    blockSteps: ['how_to_block_teams_1', 'how_to_block_teams_2', 'how_to_block_teams_3', TELL],
  },
  classroom: {
    name: 'Google Classroom',
    blockSteps: ['how_to_block_classroom_1', 'how_to_block_classroom_2', TELL],
  },
  padlet: { name: 'Padlet', blockSteps: ['how_to_block_padlet_1', 'how_to_block_padlet_2', TELL] },
  seesaw: { name: 'Seesaw', blockSteps: ['how_to_block_seesaw_1', 'how_to_block_seesaw_2', TELL] },
  scratch: {
    name: 'Scratch',
    blockSteps: ['how_to_block_scratch_1', 'how_to_block_scratch_2', TELL],
  },
  youtube: {
    name: 'YouTube',
    blockSteps: ['how_to_block_youtube_1', 'how_to_block_youtube_2', TELL],
  },
};
