// Where each messaging and comment platform in shared/messaging-platforms.ts is served, on its
// own: the prompts script, which every page parses, tells a platform's page from the address
// with this short list and loads the rest of the platform data only there.

/** Platform id → the hostnames it is served from; their subdomains count too. */
export const MESSAGING_PLATFORM_HOSTS = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
  teams: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
  classroom: ['classroom.google.com'],
  padlet: ['padlet.com', 'padlet.org'],
  seesaw: ['app.seesaw.me'],
  scratch: ['scratch.mit.edu'],
  youtube: ['youtube.com'],
} as const satisfies Record<string, readonly string[]>;

export type MessagingPlatformId = keyof typeof MESSAGING_PLATFORM_HOSTS;

/** True when the hostname is the host or one of its subdomains. */
export const onHost = (hostname: string, host: string): boolean =>
  hostname === host || hostname.endsWith(`.${host}`);

/** The id of the platform (any the extension knows) a host belongs to, or null. */
export function platformIdForHost(hostname: string): MessagingPlatformId | null {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  for (const [id, hosts] of Object.entries(MESSAGING_PLATFORM_HOSTS)) {
    if (hosts.some((name) => onHost(host, name))) return id as MessagingPlatformId;
  }
  return null;
}
