// The messaging and comment platforms schools use, as data: where each is served and where its
// messages or comments sit on the page (their "how to block someone here" steps are in
// shared/messaging-platform-help.ts, which only the drawing code loads). Block It (content/prompts/block-it/) uses the areas to tell a link in a
// message from the rest of the page; on any other allowed site a generic reading of the page's
// own markup does the same (shared/message-links.ts).
//
// A school names the platforms it uses with the managed key `messagingPlatforms` (a list of the
// ids below; all of them when it isn't set). The selectors follow each platform's current markup
// and are a best effort: when a platform changes its page, the generic reading still catches
// most message links, and only the platform's help button waits for an update here.
import { MESSAGING_PLATFORM_HOSTS as HOSTS, onHost } from './messaging-platform-hosts';

export interface MessagingPlatform {
  /** Also the key of its steps in shared/messaging-platform-help.ts. */
  id: string;
  /** Hostnames it is served from (shared/messaging-platform-hosts.ts); subdomains count too. */
  hosts: readonly string[];
  /** Path prefixes of its pages with messages or comments; none: every page on the hosts. */
  paths?: readonly string[];
  /** CSS selectors of the areas that hold messages or comments. */
  areas: readonly string[];
}

export const MESSAGING_PLATFORMS: readonly MessagingPlatform[] = [
  {
    id: 'gmail',
    hosts: HOSTS.gmail,
    // An opened message, its body and its attachment chips.
    areas: ['.adn', '.a3s', '.ii.gt', '.aQH'],
  },
  {
    id: 'outlook',
    hosts: HOSTS.outlook,
    areas: [
      '[aria-label="Message body"]',
      '[id^="UniqueMessageBody"]',
      '[data-app-section="ConversationContainer"]',
      '#ReadingPaneContainerId',
    ],
  },
  {
    id: 'teams',
    hosts: HOSTS.teams,
    areas: [
      '[data-tid="chat-pane-list"]',
      '[data-tid="chat-pane-message"]',
      '[data-tid="message-pane-list-viewport"]',
      '.ui-chat__message',
    ],
  },
  {
    id: 'classroom',
    hosts: HOSTS.classroom,
    // Stream posts and their class comments.
    areas: ['[data-stream-item-id]', '[aria-label*="comment" i]'],
  },
  {
    id: 'padlet',
    hosts: HOSTS.padlet,
    areas: ['[data-testid*="comment" i]', '[data-testid="surfacePost"]', '.surface-post'],
  },
  {
    id: 'seesaw',
    hosts: HOSTS.seesaw,
    areas: ['[data-testid*="comment" i]', '[class*="comment" i]'],
  },
  {
    id: 'scratch',
    hosts: HOSTS.scratch,
    paths: ['/projects/', '/users/', '/studios/', '/discuss/'],
    areas: ['.comments-container', '#comments', '.comments-list', '.postmsg'],
  },
  {
    id: 'youtube',
    hosts: HOSTS.youtube,
    paths: ['/watch', '/shorts/', '/live/', '/post/', '/@', '/channel/'],
    areas: [
      'ytd-comments',
      'ytd-comment-thread-renderer',
      'ytm-comment-section-renderer',
      'yt-live-chat-renderer',
    ],
  },
];

export const MESSAGING_PLATFORM_IDS: readonly string[] = MESSAGING_PLATFORMS.map(({ id }) => id);

/**
 * The listed platform a host belongs to, or null. Decided from the address alone, so a page
 * that isn't one costs a few string comparisons.
 */
export function platformForHost(
  hostname: string,
  listed: readonly string[] = MESSAGING_PLATFORM_IDS,
): MessagingPlatform | null {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  return (
    MESSAGING_PLATFORMS.find(
      (platform) =>
        listed.includes(platform.id) && platform.hosts.some((name) => onHost(host, name)),
    ) ?? null
  );
}

/** True when the path is one of the platform's pages with messages or comments. */
export function coversPath(platform: MessagingPlatform, pathname: string): boolean {
  return !platform.paths || platform.paths.some((path) => pathname.startsWith(path));
}

/** The listed platform whose messaging pages include this address, or null. */
export function platformFor(
  url: { hostname: string; pathname: string },
  listed: readonly string[] = MESSAGING_PLATFORM_IDS,
): MessagingPlatform | null {
  const platform = platformForHost(url.hostname, listed);
  return platform && coversPath(platform, url.pathname) ? platform : null;
}
