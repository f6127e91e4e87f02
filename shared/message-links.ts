// The pure half of Block It's question "is this a link in a message that leaves the site?":
// whether an element's own markup marks it as a message or comment area, whether an address is
// an attachment, where a platform's redirect link really leads, and what counts as the same
// site. The content script (content/prompts/block-it/) walks the page; these decide.

/** What the generic reading looks at on one element. */
export interface ElementMarks {
  /** Lower-case tag name: custom elements like `ytd-comment-renderer` name what they hold. */
  tag: string;
  id: string;
  className: string;
  role: string | null;
  itemType: string | null;
  testId: string | null;
}

/** Words that, as a whole word of an id or class, mean "messages or comments live here". */
const AREA_WORDS = new Set([
  'comment',
  'comments',
  'message',
  'messages',
  'chat',
  'chats',
  'reply',
  'replies',
  'conversation',
  'conversations',
  'discussion',
  'dm',
  'dms',
  'inbox',
]);

/**
 * Words that, beside one of those, mean something else: a form's error message, a cookie
 * banner's message, a toast. Links there are the site's own notices, not something a person sent.
 */
const NOT_AREA_WORDS = new Set([
  'error',
  'errors',
  'warning',
  'success',
  'info',
  'flash',
  'toast',
  'banner',
  'cookie',
  'cookies',
  'consent',
  'notice',
  'validation',
  'form',
  'status',
  'count',
  'counter',
  'icon',
  'button',
  'btn',
  'link',
]);

/** Splits `comment-list`, `comment_list`, `commentList` and `CommentList` into words. */
export function markWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function namesArea(text: string): boolean {
  // Each class or id token is read on its own, so one token's "error" can't cancel another's.
  return text
    .split(/\s+/)
    .filter(Boolean)
    .some((token) => {
      const words = markWords(token);
      return (
        words.some((word) => AREA_WORDS.has(word)) && !words.some((w) => NOT_AREA_WORDS.has(w))
      );
    });
}

const AREA_ROLES = new Set(['log', 'comment']);
const AREA_ITEM_TYPES =
  /schema\.org\/(Comment|UserComments|Message|EmailMessage|Conversation|DiscussionForumPosting)\b/i;

/** True when the element's own markup says it holds messages, comments or a chat. */
export function marksMessageArea(marks: ElementMarks): boolean {
  if (marks.role && AREA_ROLES.has(marks.role.trim().toLowerCase())) return true;
  if (marks.itemType && AREA_ITEM_TYPES.test(marks.itemType)) return true;
  if (marks.tag.includes('-') && namesArea(marks.tag)) return true;
  return namesArea(marks.id) || namesArea(marks.className) || namesArea(marks.testId ?? '');
}

/** Extensions of files a link opens or downloads rather than a web page it shows. */
const FILE_EXTENSIONS = new Set([
  // documents
  'pdf', 'doc', 'docx', 'docm', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'pptm', 'odt', 'ods', 'odp',
  'rtf', 'txt', 'csv', 'epub',
  // archives and programs
  'zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'iso', 'exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'ps1',
  'vbs', 'js', 'jar', 'apk', 'dmg', 'pkg', 'deb', 'rpm', 'crx', 'torrent',
  // media
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'bmp', 'svg', 'mp3', 'wav', 'm4a', 'ogg', 'flac',
  'mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv',
]); // prettier-ignore

/** Hosts that only serve mail and chat attachments. */
const ATTACHMENT_HOSTS = [
  'mail-attachment.googleusercontent.com',
  'attachments.office.net',
  'attachment.outlook.live.net',
];

/**
 * True when the address is a file or a message attachment rather than a page: a link with a
 * `download` attribute, a path ending in a file extension, or a mail or chat service's
 * attachment address (Gmail's `view=att` and `attid`, Outlook's attachment paths).
 */
export function isAttachmentLink(url: URL, hasDownloadAttribute = false): boolean {
  if (hasDownloadAttribute) return true;
  const host = url.hostname.toLowerCase();
  if (ATTACHMENT_HOSTS.some((name) => host === name || host.endsWith(`.${name}`))) return true;
  const query = url.searchParams;
  if (query.get('view') === 'att' || query.has('attid')) return true;
  const path = url.pathname.toLowerCase();
  if (/\/(attachments?|getfileattachment|getattachment)(\/|$)/.test(path)) return true;
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSIONS.has(last.slice(dot + 1));
}

/**
 * Redirects that platforms put in front of links in messages (Gmail's and Classroom's
 * google.com/url, YouTube's /redirect, Outlook's and Teams's Safe Links), and the query
 * parameter that holds the real address.
 */
const REDIRECTS: readonly { host: RegExp; path: RegExp; param: readonly string[] }[] = [
  {
    host: /^(www\.)?google\.(com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/,
    path: /^\/url$/,
    param: ['q', 'url'],
  },
  { host: /^(www\.|m\.)?youtube\.com$/, path: /^\/redirect$/, param: ['q'] },
  { host: /\.safelinks\.protection\.outlook\.com$/, path: /^\/$/, param: ['url'] },
  { host: /^statics\.teams\.cdn\.office\.net$/, path: /\/safelinks\//, param: ['url'] },
];

/** Where a link really leads: the address inside a known redirect, else the link itself. */
export function unwrapRedirect(url: URL): URL {
  let current = url;
  // A redirect inside a redirect is unwrapped too, a few levels deep and no further.
  for (let depth = 0; depth < 3; depth++) {
    const host = current.hostname.toLowerCase();
    const redirect = REDIRECTS.find((r) => r.host.test(host) && r.path.test(current.pathname));
    const inner = redirect?.param.map((name) => current.searchParams.get(name)).find(Boolean);
    if (!inner) return current;
    try {
      const next = new URL(inner);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return current;
      current = next;
    } catch {
      return current;
    }
  }
  return current;
}

export { isSameSite } from './same-site';
