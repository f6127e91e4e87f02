import { describe, expect, it } from 'vitest';
import {
  classifyDownload,
  downloadSource,
  type DownloadClass,
  type DownloadFacts,
  type DownloadReason,
  type DownloadVerdict,
} from '../../shared/download-class';
import { EXTENSION_KINDS, kindTable, MIME_KINDS } from '../../shared/download-types';

// The pupil's list for this table: one approved school site.
const isApproved = (url: string) => /^https:\/\/(www\.)?school\.example\//.test(url);
const APPROVED = 'https://www.school.example/files/';
const ELSEWHERE = 'https://files.elsewhere.example/';

function facts(filename: string, mime: string, base = APPROVED): DownloadFacts {
  const url = base + encodeURIComponent(filename.split('/').pop() ?? filename);
  return { filename, mime, url, finalUrl: url, referrer: 'https://www.school.example/' };
}

const PDF = 'application/pdf';
const OCTET = 'application/octet-stream';

type Case = [
  filename: string,
  mime: string,
  from: string,
  fileClass: DownloadClass,
  verdict: DownloadVerdict,
  reason: DownloadReason,
  fileType: string | undefined,
  why: string,
];

// [name, MIME, where from, class, verdict, reason, recorded type, why]
// prettier-ignore
const CASES: Case[] = [
  ['setup.exe', 'application/x-msdownload', APPROVED, 'program', 'blocked', 'program', '.exe', 'a Windows program'],
  ['setup.exe', OCTET, APPROVED, 'program', 'blocked', 'program', '.exe', 'a program with a generic type'],
  ['SETUP.EXE', '', APPROVED, 'program', 'blocked', 'program', '.exe', 'upper case and no type'],
  ['song.mp3.exe', 'audio/mpeg', APPROVED, 'program', 'blocked', 'program', '.exe', 'the last extension decides'],
  ['setup.exe. ', OCTET, APPROVED, 'program', 'blocked', 'program', '.exe', 'trailing dot and space, as Windows saves it'],
  ['C:\\Users\\pupil\\Downloads\\tool.scr', OCTET, APPROVED, 'program', 'blocked', 'program', '.scr', 'a path before the name'],
  ['report.pdf', 'application/x-msdownload', APPROVED, 'program', 'blocked', 'disguised', 'application/x-msdownload', 'a program served as a PDF'],
  ['notes.txt', 'application/x-sh', APPROVED, 'program', 'blocked', 'disguised', 'application/x-sh', 'a script served as text'],
  ['photo.jpg', 'application/vnd.android.package-archive', APPROVED, 'program', 'blocked', 'disguised', 'application/vnd.android.package-archive', 'an Android app named as a photo'],
  ['download', 'application/x-msdownload', APPROVED, 'program', 'blocked', 'program', 'application/x-msdownload', 'no name, program type'],
  ['game.js', 'text/javascript', APPROVED, 'program', 'blocked', 'program', '.js', 'JavaScript'],
  ['fix.vbs', OCTET, APPROVED, 'program', 'blocked', 'program', '.vbs', 'VBScript'],
  ['run.ps1', 'text/plain', APPROVED, 'program', 'blocked', 'program', '.ps1', 'PowerShell served as text'],
  ['go.bat', OCTET, APPROVED, 'program', 'blocked', 'program', '.bat', 'a batch file'],
  ['go.cmd', OCTET, APPROVED, 'program', 'blocked', 'program', '.cmd', 'a command file'],
  ['install.sh', 'text/x-shellscript', APPROVED, 'program', 'blocked', 'program', '.sh', 'a shell script'],
  ['mod.jar', 'application/java-archive', APPROVED, 'program', 'blocked', 'program', '.jar', 'Java'],
  ['bot.py', 'text/x-python', APPROVED, 'program', 'blocked', 'program', '.py', 'Python'],
  ['tweak.reg', OCTET, APPROVED, 'program', 'blocked', 'program', '.reg', 'a registry file'],
  ['shortcut.lnk', OCTET, APPROVED, 'program', 'blocked', 'program', '.lnk', 'a Windows shortcut'],
  ['page.hta', OCTET, APPROVED, 'program', 'blocked', 'program', '.hta', 'an HTML application'],
  ['setup.msi', 'application/x-msi', APPROVED, 'program', 'blocked', 'program', '.msi', 'a Windows installer'],
  ['app.msix', OCTET, APPROVED, 'program', 'blocked', 'program', '.msix', 'an MSIX package'],
  ['app.appx', OCTET, APPROVED, 'program', 'blocked', 'program', '.appx', 'an AppX package'],
  ['App.dmg', 'application/x-apple-diskimage', APPROVED, 'program', 'blocked', 'program', '.dmg', 'a Mac disk image'],
  ['App.pkg', OCTET, APPROVED, 'program', 'blocked', 'program', '.pkg', 'a Mac installer'],
  ['tool.deb', 'application/vnd.debian.binary-package', APPROVED, 'program', 'blocked', 'program', '.deb', 'a Debian package'],
  ['tool.rpm', OCTET, APPROVED, 'program', 'blocked', 'program', '.rpm', 'an RPM package'],
  ['game.apk', 'application/vnd.android.package-archive', APPROVED, 'program', 'blocked', 'program', '.apk', 'an Android app'],
  ['tool.AppImage', OCTET, APPROVED, 'program', 'blocked', 'program', '.appimage', 'an AppImage'],
  ['disk.iso', 'application/x-iso9660-image', APPROVED, 'program', 'blocked', 'program', '.iso', 'a disc image'],
  ['helper.crx', 'application/x-chrome-extension', APPROVED, 'program', 'blocked', 'program', '.crx', 'a Chrome extension'],
  ['helper.xpi', 'application/x-xpinstall', APPROVED, 'program', 'blocked', 'program', '.xpi', 'a Firefox extension'],
  ['games.zip', 'application/zip', APPROVED, 'program', 'blocked', 'archive', '.zip', 'an archive, even from an approved site'],
  ['games.7z', OCTET, APPROVED, 'program', 'blocked', 'archive', '.7z', 'a 7-Zip archive'],
  ['games.rar', 'application/vnd.rar', APPROVED, 'program', 'blocked', 'archive', '.rar', 'a RAR archive'],
  ['src.tar.gz', 'application/gzip', APPROVED, 'program', 'blocked', 'archive', '.tar.gz', 'a compressed tarball'],
  ['src.tgz', OCTET, APPROVED, 'program', 'blocked', 'archive', '.tgz', 'a tgz'],
  ['data', 'application/zip', APPROVED, 'program', 'blocked', 'archive', 'application/zip', 'no name, archive type'],
  ['worksheet.pdf', 'application/zip', APPROVED, 'program', 'blocked', 'disguised', 'application/zip', 'an archive named as a PDF'],
  ['film.torrent', 'application/x-bittorrent', APPROVED, 'torrent', 'blocked', 'torrent', '.torrent', 'a torrent'],
  ['film.torrent', OCTET, ELSEWHERE, 'torrent', 'blocked', 'torrent', '.torrent', 'a torrent from anywhere'],
  ['film.pdf', 'application/x-bittorrent', APPROVED, 'torrent', 'blocked', 'disguised', 'application/x-bittorrent', 'a torrent named as a PDF'],
  ['song.mp3', 'audio/mpeg', APPROVED, 'media', 'held', 'media', '.mp3', 'music'],
  ['song.m4a', 'audio/mp4', APPROVED, 'media', 'held', 'media', '.m4a', 'AAC music'],
  ['song.wav', 'audio/wav', APPROVED, 'media', 'held', 'media', '.wav', 'a WAV'],
  ['song.ogg', 'audio/ogg', APPROVED, 'media', 'held', 'media', '.ogg', 'Ogg'],
  ['song.flac', OCTET, APPROVED, 'media', 'held', 'media', '.flac', 'FLAC'],
  ['film.mp4', 'video/mp4', APPROVED, 'media', 'held', 'media', '.mp4', 'a film'],
  ['film.mkv', 'video/x-matroska', APPROVED, 'media', 'held', 'media', '.mkv', 'Matroska'],
  ['film.avi', 'video/x-msvideo', APPROVED, 'media', 'held', 'media', '.avi', 'AVI'],
  ['film.mov', 'video/quicktime', APPROVED, 'media', 'held', 'media', '.mov', 'QuickTime'],
  ['film.webm', 'video/webm', ELSEWHERE, 'media', 'held', 'media', '.webm', 'media from anywhere waits for a teacher'],
  ['book.epub', 'application/epub+zip', APPROVED, 'media', 'held', 'media', '.epub', 'an e-book'],
  ['book.mobi', 'application/x-mobipocket-ebook', APPROVED, 'media', 'held', 'media', '.mobi', 'a Kindle book'],
  ['book.azw3', OCTET, APPROVED, 'media', 'held', 'media', '.azw3', 'a Kindle book by name'],
  ['stream', 'audio/mpeg', APPROVED, 'media', 'held', 'media', 'audio/mpeg', 'no name, audio type'],
  ['notes.pdf', 'video/mp4', APPROVED, 'media', 'held', 'media', 'video/mp4', 'a film named as a PDF'],
  ['song.mp3', PDF, APPROVED, 'media', 'held', 'media', '.mp3', 'a song served as a PDF'],
  ['worksheet.pdf', PDF, APPROVED, 'document', 'allowed', 'approved-source', '.pdf', 'a PDF from an approved site'],
  ['worksheet.pdf', OCTET, APPROVED, 'document', 'allowed', 'approved-source', '.pdf', 'a PDF with a generic type'],
  ['worksheet.pdf', PDF, ELSEWHERE, 'document', 'blocked', 'unapproved-source', '.pdf', 'a PDF from elsewhere'],
  ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', APPROVED, 'document', 'allowed', 'approved-source', '.docx', 'Word'],
  ['letter.odt', 'application/vnd.oasis.opendocument.text', APPROVED, 'document', 'allowed', 'approved-source', '.odt', 'OpenDocument'],
  ['slides.pptx', OCTET, APPROVED, 'document', 'allowed', 'approved-source', '.pptx', 'PowerPoint'],
  ['marks.xlsx', OCTET, APPROVED, 'document', 'allowed', 'approved-source', '.xlsx', 'Excel'],
  ['notes.txt', 'text/plain', APPROVED, 'document', 'allowed', 'approved-source', '.txt', 'plain text'],
  ['data.csv', 'text/csv', APPROVED, 'document', 'allowed', 'approved-source', '.csv', 'CSV'],
  ['story.rtf', 'application/rtf', APPROVED, 'document', 'allowed', 'approved-source', '.rtf', 'RTF'],
  ['project.sb3', OCTET, APPROVED, 'document', 'allowed', 'approved-source', '.sb3', 'a Scratch project'],
  ['v1.2', PDF, APPROVED, 'document', 'allowed', 'approved-source', PDF, 'digits are not an extension'],
  ['report', PDF, APPROVED, 'document', 'allowed', 'approved-source', PDF, 'no extension, a PDF type'],
  ['photo.jpg', 'image/jpeg', APPROVED, 'image', 'allowed', 'approved-source', '.jpg', 'a photo from an approved site'],
  ['photo.png', 'image/png', ELSEWHERE, 'image', 'blocked', 'unapproved-source', '.png', 'a photo from elsewhere'],
  ['diagram.svg', 'image/svg+xml', APPROVED, 'image', 'allowed', 'approved-source', '.svg', 'SVG'],
  ['photo.jpg', 'text/plain', APPROVED, 'image', 'allowed', 'approved-source', '.jpg', 'a server that labels images badly'],
  ['page.html', 'text/html', APPROVED, 'other', 'blocked', 'unknown', '.html', 'a saved web page can run script'],
  ['worksheet.pdf', 'text/html', APPROVED, 'other', 'blocked', 'unknown', 'text/html', 'an error page named as a PDF'],
  ['data.xyz', OCTET, APPROVED, 'other', 'blocked', 'unknown', '.xyz', 'an extension nobody knows'],
  ['data.xyz', PDF, APPROVED, 'other', 'blocked', 'unknown', '.xyz', 'an unknown name outranks a harmless type'],
  ['download', OCTET, APPROVED, 'other', 'blocked', 'unknown', undefined, 'neither name nor type says'],
  ['', '', APPROVED, 'other', 'blocked', 'unknown', undefined, 'nothing at all'],
  ['photo\u202Egpj.exe', OCTET, APPROVED, 'program', 'blocked', 'disguised', '.exe', 'a right-to-left override'],
  ['photo\u202Efdp.txt', 'text/plain', APPROVED, 'program', 'blocked', 'disguised', '.txt', 'a hidden character, whatever the type'],
];

describe('classifyDownload', () => {
  it.each(CASES)(
    '%s as %s from %s: %s, %s (%s, %s; %s)',
    (filename, mime, base, fileClass, verdict, reason, fileType) => {
      const decision = classifyDownload(facts(filename, mime, base), isApproved);
      expect(decision).toMatchObject({ class: fileClass, verdict, reason });
      expect(decision.fileType).toBe(fileType);
    },
  );

  it('names the source site and shows the name without hidden characters', () => {
    const decision = classifyDownload(facts('photo\u202Egpj.exe', OCTET), isApproved);
    expect(decision.fileName).toBe('photogpj.exe');
    expect(decision.sourceHost).toBe('www.school.example');
  });

  it('never calls a MIME type with a parameter anything else', () => {
    const decision = classifyDownload(facts('x', 'Application/PDF; charset=binary'), isApproved);
    expect(decision).toMatchObject({ class: 'document', fileType: PDF });
  });

  it('records a type only in the shape a record takes', () => {
    const odd = classifyDownload(facts('x', 'audio/mp3 wrong'), isApproved);
    expect(odd.class).toBe('media');
    expect(odd.fileType).toBeUndefined();
  });

  it('refuses a type listed as two kinds, so no listing silently overrides another', () => {
    expect(() =>
      kindTable([
        ['media', 'mp3'],
        ['document', 'txt mp3'],
      ]),
    ).toThrow("'mp3' is listed as media and as document");
    expect(EXTENSION_KINDS.get('mp3')).toBe('media');
    expect(MIME_KINDS.get('application/x-bittorrent')).toBe('torrent');
  });
});

describe('downloadSource', () => {
  it.each([
    [
      'a redirect to an unapproved host is judged on both addresses',
      { url: `${APPROVED}a.pdf`, finalUrl: `${ELSEWHERE}a.pdf` },
      [`${APPROVED}a.pdf`, `${ELSEWHERE}a.pdf`],
      'files.elsewhere.example',
    ],
    [
      'a file a page made (blob:) comes from that page',
      {
        url: 'blob:https://www.school.example/1234-5678',
        finalUrl: 'blob:https://www.school.example/1234-5678',
      },
      ['https://www.school.example/1234-5678'],
      'www.school.example',
    ],
    [
      'a data: address comes from the page that offered it',
      {
        url: 'data:text/plain,hi',
        finalUrl: 'data:text/plain,hi',
        referrer: 'https://www.school.example/page',
      },
      ['https://www.school.example/page'],
      'www.school.example',
    ],
    [
      'a data: address with no page comes from nowhere approved',
      { url: 'data:text/plain,hi', finalUrl: 'data:text/plain,hi' },
      [],
      null,
    ],
    [
      'a file: address is not a web source',
      { url: 'file:///etc/passwd', finalUrl: 'file:///etc/passwd', referrer: '' },
      [],
      null,
    ],
    [
      'a trailing dot and capitals are normalised in the host',
      { url: 'https://WWW.School.Example./a.pdf', finalUrl: 'https://WWW.School.Example./a.pdf' },
      ['https://www.school.example./a.pdf', 'https://www.school.example./a.pdf'],
      'www.school.example',
    ],
  ])('%s', (_why, addresses, urls, host) => {
    expect(downloadSource({ filename: 'a.pdf', mime: PDF, ...addresses })).toEqual({ urls, host });
  });

  it('fails closed: a document with no web source is blocked', () => {
    const decision = classifyDownload(
      {
        filename: 'a.pdf',
        mime: PDF,
        url: 'data:application/pdf,x',
        finalUrl: 'data:application/pdf,x',
      },
      () => true,
    );
    expect(decision).toMatchObject({ verdict: 'blocked', reason: 'unapproved-source' });
  });

  it('blocks a document when either address is unapproved', () => {
    const decision = classifyDownload(
      { filename: 'a.pdf', mime: PDF, url: `${APPROVED}a.pdf`, finalUrl: `${ELSEWHERE}a.pdf` },
      isApproved,
    );
    expect(decision).toMatchObject({ verdict: 'blocked', sourceHost: 'files.elsewhere.example' });
  });
});
