// What each file extension and MIME type is, for the download guard (download-class.ts). Data
// only: a new type is one line here and one line in the unit table. Extensions are lower-case
// and without the dot.

/** What a name or a type says a file is. `archive` is kept apart so the pupil hears why. */
export type FileKind =
  | 'program'
  | 'script'
  | 'installer'
  | 'extension'
  | 'archive'
  | 'torrent'
  | 'media'
  | 'webpage'
  | 'document'
  | 'image';

/**
 * A lookup table from groups of space-separated names. A name listed twice would silently take
 * the later kind, so it throws instead: a mistake here fails every test that loads the guard.
 */
export function kindTable(groups: readonly (readonly [FileKind, string])[]): Map<string, FileKind> {
  const table = new Map<string, FileKind>();
  for (const [kind, names] of groups) {
    for (const name of names.split(/\s+/).filter(Boolean)) {
      const earlier = table.get(name);
      if (earlier) throw new Error(`'${name}' is listed as ${earlier} and as ${kind}`);
      table.set(name, kind);
    }
  }
  return table;
}

/** By extension. A program extension anywhere in a name (`song.exe.mp3`) also counts. */
export const EXTENSION_KINDS: ReadonlyMap<string, FileKind> = kindTable([
  [
    'program',
    'exe com scr pif cpl msc lnk url application appref-ms gadget hta bin elf out run app ' +
      'xbe dll sys ocx drv so dylib',
  ],
  [
    'script',
    'js jse mjs cjs vbs vbe wsf wsh ws ps1 psm1 psd1 ps1xml bat cmd sh bash zsh csh ksh fish ' +
      'command py pyw pyc pyz rb pl php jar class reg inf scf desktop applescript scpt ahk',
  ],
  [
    'installer',
    'msi msix msixbundle msp mst appx appxbundle dmg pkg mpkg deb rpm apk aab xapk ipa snap ' +
      'flatpak flatpakref appimage cab iso img vhd vhdx crostini',
  ],
  ['extension', 'crx xpi vsix nex oex safariextz'],
  ['archive', 'zip 7z rar tar gz tgz bz2 tbz tbz2 xz txz zst lz lzma z cpio ar arj lzh ace'],
  ['torrent', 'torrent magnet'],
  [
    'media',
    // music
    'mp3 m4a m4b aac wav wave ogg oga opus flac alac aif aiff wma mid midi amr ape mka ' +
      // video
      'mp4 m4v mkv avi mov qt webm wmv flv f4v mpg mpeg mpe m2ts mts ts 3gp 3g2 ogv vob rm rmvb ' +
      // playlists point at media
      'm3u m3u8 pls ' +
      // e-books and comics
      'epub mobi azw azw3 kfx ibooks fb2 lit cbz cbr djvu',
  ],
  ['webpage', 'html htm xhtml shtml mht mhtml svgz xml'],
  [
    'document',
    'pdf doc docx docm dot dotx odt ott rtf txt text csv tsv md xls xlsx xlsm xlt xltx ods ' +
      'ppt pptx pptm pps ppsx odp odg odf pages numbers key ics vcf json ' +
      // pupils' own work: Scratch projects and GeoGebra files open in their school sites
      'sb3 sb2 ggb',
  ],
  ['image', 'png jpg jpeg jpe jfif gif webp avif bmp svg ico tif tiff heic heif'],
]);

/** By MIME type, for the types that name a kind for certain. */
export const MIME_KINDS: ReadonlyMap<string, FileKind> = kindTable([
  [
    'program',
    'application/x-msdownload application/x-msdos-program application/x-ms-dos-executable ' +
      'application/vnd.microsoft.portable-executable application/x-dosexec ' +
      'application/x-winexe application/x-executable application/x-elf ' +
      'application/x-mach-binary application/x-sharedlib application/x-ms-shortcut ' +
      'application/x-ms-application application/hta application/x-msdos-windows',
  ],
  [
    'script',
    'application/javascript application/x-javascript text/javascript application/ecmascript ' +
      'text/ecmascript text/vbscript application/x-vbscript application/x-sh ' +
      'application/x-shellscript text/x-shellscript text/x-sh application/x-csh ' +
      'application/x-bat application/bat text/x-msdos-batch application/x-powershell ' +
      'text/x-python application/x-python application/x-python-code text/x-perl ' +
      'application/x-perl application/x-php application/java-archive ' +
      'application/x-java-archive application/x-java-class',
  ],
  [
    'installer',
    'application/x-msi application/x-ms-installer application/x-ole-storage ' +
      'application/msix application/vnd.ms-appx application/appx ' +
      'application/x-apple-diskimage application/vnd.android.package-archive ' +
      'application/x-debian-package application/vnd.debian.binary-package ' +
      'application/x-redhat-package-manager application/x-rpm application/x-iso9660-image ' +
      'application/vnd.ms-cab-compressed application/x-newton-compatible-pkg',
  ],
  ['extension', 'application/x-chrome-extension application/x-xpinstall'],
  [
    'archive',
    'application/zip application/x-zip-compressed application/x-zip application/x-7z-compressed ' +
      'application/x-rar-compressed application/vnd.rar application/x-rar application/x-tar ' +
      'application/gzip application/x-gzip application/x-bzip application/x-bzip2 ' +
      'application/x-xz application/zstd application/x-lzip application/x-lzma ' +
      'application/x-compress application/x-archive application/x-cpio',
  ],
  ['torrent', 'application/x-bittorrent'],
  [
    'media',
    'application/ogg application/epub+zip application/x-mobipocket-ebook ' +
      'application/vnd.amazon.ebook application/x-fictionbook+xml application/vnd.comicbook+zip ' +
      'application/vnd.comicbook-rar application/x-cbr application/x-cbz ' +
      'application/vnd.apple.mpegurl application/x-mpegurl audio/x-mpegurl ' +
      'application/vnd.rn-realmedia image/vnd.djvu',
  ],
  ['webpage', 'text/html application/xhtml+xml multipart/related message/rfc822'],
  [
    'document',
    'application/pdf application/x-pdf application/acrobat application/msword ' +
      'application/rtf text/rtf text/plain text/csv text/tab-separated-values text/markdown ' +
      'text/calendar text/vcard application/json application/vnd.ms-excel ' +
      'application/vnd.ms-powerpoint application/vnd.apple.pages application/vnd.apple.numbers ' +
      'application/vnd.apple.keynote application/x-scratch-project',
  ],
]);

/** Families of MIME types: `audio/*` and `video/*` are media, `image/*` images. */
export const MIME_FAMILY_KINDS: ReadonlyMap<string, FileKind> = new Map([
  ['audio', 'media'],
  ['video', 'media'],
  ['image', 'image'],
]);

/** Prefixes of office-suite types that are all documents. */
export const DOCUMENT_MIME_PREFIXES: readonly string[] = [
  'application/vnd.openxmlformats-officedocument.',
  'application/vnd.oasis.opendocument.',
  'application/vnd.ms-word.',
  'application/vnd.ms-excel.',
  'application/vnd.ms-powerpoint.',
];
