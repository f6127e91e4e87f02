// The download guard's verdict on a file, before Chrome writes it anywhere the pupil can open it
// (background/downloads/ calls this from downloads.onDeterminingFilename). Pure: the caller
// supplies the policy as `isApproved`. README "Downloads" explains the choices to schools.
//
// - The last extension decides how a computer opens a file, so `song.mp3.exe` is a program.
// - The MIME type must agree: whichever of the two says the more dangerous thing wins, so a
//   program served as `report.pdf` is blocked and said to be disguised.
// - Archives are blocked wherever they come from: nothing can look inside one before it has
//   finished, and the issue blocks archives of programs, so fail closed.
// - Documents and images come only from approved sites; music, films and books wait for a
//   teacher; anything the guard can't name is blocked.
import {
  DOCUMENT_MIME_PREFIXES,
  EXTENSION_KINDS,
  MIME_FAMILY_KINDS,
  MIME_KINDS,
  type FileKind,
} from './download-types';

/** The file's class as records name it (shared/pupil-event.ts PUPIL_EVENT_DETAILS.download). */
export type DownloadClass = 'program' | 'torrent' | 'media' | 'document' | 'image' | 'other';
export type DownloadVerdict = 'blocked' | 'held' | 'allowed';
/** Why, as the pupil is told it. */
export type DownloadReason =
  | 'program'
  | 'archive'
  | 'disguised'
  | 'torrent'
  | 'media'
  | 'unapproved-source'
  | 'approved-source'
  | 'unknown';

export interface DownloadFacts {
  /** Chrome's tentative file name (may hold a path). */
  filename: string;
  /** The MIME type the server sent or Chrome sniffed; may be empty. */
  mime: string;
  url: string;
  finalUrl: string;
  /** The page the download started from, when Chrome knows it. */
  referrer?: string;
}

export interface DownloadDecision {
  class: DownloadClass;
  verdict: DownloadVerdict;
  reason: DownloadReason;
  /** The extension (".exe") or MIME type that decided, for the record; absent if neither. */
  fileType?: string;
  /** The name to show the pupil (control characters removed). */
  fileName: string;
  /** The site the file came from, or null when no web address says so. */
  sourceHost: string | null;
}

/** Says whether a web address is on the pupil's allowed list right now. */
export type SourceCheck = (url: string) => boolean;

const PROGRAM_KINDS: ReadonlySet<FileKind> = new Set([
  'program',
  'script',
  'installer',
  'extension',
]);

/** Higher is more dangerous; the more dangerous of name and type wins. */
const RANK: Record<FileKind | 'unknown', number> = {
  program: 7,
  script: 7,
  installer: 7,
  extension: 7,
  torrent: 6,
  archive: 5,
  webpage: 4,
  unknown: 3,
  media: 2,
  document: 1,
  image: 1,
};

const CLASS_OF: Record<FileKind | 'unknown', DownloadClass> = {
  program: 'program',
  script: 'program',
  installer: 'program',
  extension: 'program',
  // Counted with programs: the issue blocks "archives of them", and a record says ".zip".
  archive: 'program',
  torrent: 'torrent',
  media: 'media',
  webpage: 'other',
  unknown: 'other',
  document: 'document',
  image: 'image',
};

/** Second extensions that make one archive name (`.tar.gz`). */
const COMPRESSED = new Set(['gz', 'bz2', 'xz', 'zst', 'z', 'lz', 'lzma']);
// A real extension: short, and not only digits ("Worksheet 3.2" has none).
const EXTENSION = /^(?=[a-z0-9-]*[a-z])[a-z0-9-]{1,12}$/;
// Bidirectional overrides and other invisible format characters hide a file's real name
// ("photo<RLO>gpj.exe" reads as "photoexe.jpg"): a name holding them is treated as disguised.
const FORMAT_CHARACTERS = /[\p{Cf}\p{Cc}]/gu;
const FILE_TYPE = /^[a-z0-9.+/-]{1,100}$/;

interface NamePart {
  kind: FileKind | null;
  extension: string | null;
}

function baseName(filename: string): string {
  const last = filename.split(/[\\/]/).pop() ?? '';
  // Windows drops trailing dots and spaces, so "setup.exe. " is saved as "setup.exe".
  return last.replace(/[. ]+$/, '');
}

function readName(name: string): NamePart {
  const parts = name.toLowerCase().split('.');
  if (parts.length < 2) return { kind: null, extension: null };
  const last = parts[parts.length - 1] ?? '';
  if (!EXTENSION.test(last)) return { kind: null, extension: null };
  const before = parts.length > 2 ? parts[parts.length - 2] : undefined;
  if (before === 'tar' && COMPRESSED.has(last)) {
    return { kind: 'archive', extension: `tar.${last}` };
  }
  return { kind: EXTENSION_KINDS.get(last) ?? null, extension: last };
}

function readMime(mime: string): { kind: FileKind | null; type: string } {
  const type = (mime.split(';')[0] ?? '').trim().toLowerCase();
  const exact = MIME_KINDS.get(type);
  if (exact) return { kind: exact, type };
  if (DOCUMENT_MIME_PREFIXES.some((prefix) => type.startsWith(prefix))) {
    return { kind: 'document', type };
  }
  // Anything else (application/octet-stream, an empty type, a type nobody lists) says nothing,
  // and the name decides.
  return { kind: MIME_FAMILY_KINDS.get(type.split('/')[0] ?? '') ?? null, type };
}

function webUrl(text: string | undefined): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A blob: address carries the origin of the page that made it. */
function blobOrigin(text: string): URL | null {
  return text.startsWith('blob:') ? webUrl(text.slice('blob:'.length)) : null;
}

/**
 * The web addresses the file came from, every one of which must be approved, and the host a
 * record names. A file made inside a page (blob:, data:) comes from that page.
 */
export function downloadSource(facts: DownloadFacts): { urls: string[]; host: string | null } {
  const direct = [webUrl(facts.url), webUrl(facts.finalUrl)].filter((url) => url !== null);
  const made = blobOrigin(facts.url) ?? blobOrigin(facts.finalUrl) ?? webUrl(facts.referrer);
  const urls = direct.length > 0 ? direct : made ? [made] : [];
  const named = direct[direct.length - 1] ?? made;
  const host = named ? named.hostname.replace(/\.$/, '').toLowerCase() : null;
  return { urls: urls.map((url) => url.href), host: host || null };
}

function reasonFor(kind: FileKind | 'unknown', disguised: boolean): DownloadReason {
  if (disguised) return 'disguised';
  if (PROGRAM_KINDS.has(kind as FileKind)) return 'program';
  if (kind === 'archive') return 'archive';
  if (kind === 'torrent') return 'torrent';
  if (kind === 'media') return 'media';
  return 'unknown';
}

/** Classifies one download for a pupil whose allowed list `isApproved` answers for. */
export function classifyDownload(facts: DownloadFacts, isApproved: SourceCheck): DownloadDecision {
  const raw = baseName(facts.filename);
  const hidden = raw.match(FORMAT_CHARACTERS) !== null;
  const fileName = raw.replace(FORMAT_CHARACTERS, '');
  const name = readName(fileName);
  const mime = readMime(facts.mime);
  const source = downloadSource(facts);
  const nameKind = name.kind ?? (name.extension ? 'unknown' : null);

  // The more dangerous of what the name and the type say; with neither, nothing is known.
  let kind: FileKind | 'unknown' = 'unknown';
  let fromMime = false;
  if (nameKind && mime.kind) {
    fromMime = RANK[mime.kind] > RANK[nameKind];
    kind = fromMime ? mime.kind : nameKind;
  } else if (nameKind) {
    kind = nameKind;
  } else if (mime.kind) {
    kind = mime.kind;
    fromMime = true;
  }

  const fileClass = CLASS_OF[kind];
  // A program or torrent behind a name that says something else is disguised.
  const disguised =
    fromMime && nameKind !== null && CLASS_OF[nameKind] !== fileClass && RANK[kind] >= RANK.archive;
  const decidingType = fromMime ? mime.type : name.extension ? `.${name.extension}` : '';
  const fileType = FILE_TYPE.test(decidingType) ? decidingType : undefined;
  const base = { fileName, sourceHost: source.host, ...(fileType ? { fileType } : {}) };

  // A name that hides its real characters is treated as the worst it could be.
  if (hidden) return { ...base, class: 'program', verdict: 'blocked', reason: 'disguised' };
  if (fileClass === 'media') return { ...base, class: 'media', verdict: 'held', reason: 'media' };
  if (fileClass === 'document' || fileClass === 'image') {
    const approved = source.urls.length > 0 && source.urls.every((url) => isApproved(url));
    return {
      ...base,
      class: fileClass,
      verdict: approved ? 'allowed' : 'blocked',
      reason: approved ? 'approved-source' : 'unapproved-source',
    };
  }
  return { ...base, class: fileClass, verdict: 'blocked', reason: reasonFor(kind, disguised) };
}
