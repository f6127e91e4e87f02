// A small ZIP writer (PKWARE APPNOTE 6.3, no ZIP64) for the extension packages. No zip library is
// among the project's dependencies and this needs only deflate and CRC-32, which node:zlib has.
// The output is deterministic: entries keep the caller's order, every timestamp is the DOS
// epoch, and the attributes are fixed, so packaging the same files twice gives identical bytes
// (a release can be rebuilt and compared).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Forward slashes, relative, no `.` or `..` segments: `assets/main.js`. */
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate. */
const VERSION_NEEDED = 20;
/** Made by Unix (3), spec 2.0, so unzip applies the Unix mode below. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Regular file, rw-r--r--: readable by everyone who unpacks it, executable by nobody. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const STORE = 0;
const DEFLATE = 8;
/** 1980-01-01 00:00:00, the earliest DOS date: no build time leaks into the bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

export class ZipError extends Error {
  override name = 'ZipError';
}

function checkName(name: string, seen: Set<string>): Buffer {
  const problem =
    name === ''
      ? 'is empty'
      : name.startsWith('/') || /^[A-Za-z]:/.test(name)
        ? 'is absolute'
        : name.includes('\\')
          ? 'has a backslash (zip names use /)'
          : name.split('/').some((part) => part === '' || part === '.' || part === '..')
            ? 'has an empty, . or .. part'
            : seen.has(name)
              ? 'appears twice'
              : null;
  if (problem) throw new ZipError(`Zip entry name '${name.slice(0, 200)}' ${problem}.`);
  seen.add(name);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > MAX_16)
    throw new ZipError(`Zip entry name '${name.slice(0, 60)}…' is too long.`);
  return bytes;
}

interface Written {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Little-endian fields of 2 or 4 bytes, in order: every zip record is written this way. */
function record(fields: readonly (readonly [2 | 4, number])[]): Buffer {
  const bytes = Buffer.alloc(fields.reduce((sum, [size]) => sum + size, 0));
  let at = 0;
  for (const [size, value] of fields) {
    if (size === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
    at += size;
  }
  return bytes;
}

/** The fields the local and central headers share, from "version needed" to the name length. */
function commonFields(entry: Written): (readonly [2 | 4, number])[] {
  return [
    [2, VERSION_NEEDED],
    [2, entry.flags],
    [2, entry.method],
    [2, DOS_TIME],
    [2, DOS_DATE],
    [4, entry.crc],
    [4, entry.compressedSize],
    [4, entry.size],
    [2, entry.name.length],
  ];
}

function localHeader(entry: Written): Buffer {
  return Buffer.concat([
    record([
      [4, LOCAL_HEADER],
      ...commonFields(entry),
      [2, 0], // extra field length
    ]),
    entry.name,
  ]);
}

function centralHeader(entry: Written): Buffer {
  return Buffer.concat([
    record([
      [4, CENTRAL_HEADER],
      [2, VERSION_MADE_BY],
      ...commonFields(entry),
      [2, 0], // extra field length
      [2, 0], // comment length
      [2, 0], // disk number
      [2, 0], // internal attributes
      [4, EXTERNAL_ATTRIBUTES],
      [4, entry.offset],
    ]),
    entry.name,
  ]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  return record([
    [4, END_OF_CENTRAL_DIRECTORY],
    [2, 0], // this disk
    [2, 0], // the disk the directory starts on
    [2, count],
    [2, count],
    [4, size],
    [4, offset],
    [2, 0], // comment length
  ]);
}

/** The zip of these entries, in this order. Throws ZipError for a bad name or an oversized zip. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_16) throw new ZipError(`A zip holds at most ${MAX_16} files here.`);
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = checkName(entry.name, seen);
    if (entry.data.length > MAX_32) throw new ZipError(`'${entry.name}' is too big for a zip.`);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Stored when deflate doesn't help (already-compressed images), as zip tools do.
    const stored = deflated.length >= entry.data.length;
    const body = stored ? Buffer.from(entry.data) : deflated;
    const record: Written = {
      name,
      flags: /^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8_NAME,
      method: stored ? STORE : DEFLATE,
      crc: crc32(entry.data),
      compressedSize: body.length,
      size: entry.data.length,
      offset,
    };
    const header = localHeader(record);
    parts.push(header, body);
    written.push(record);
    offset += header.length + body.length;
    if (offset > MAX_32) throw new ZipError('The files are too big for one zip (4 GiB).');
  }
  const central = Buffer.concat(written.map(centralHeader));
  return Buffer.concat([
    ...parts,
    central,
    endOfCentralDirectory(written.length, central.length, offset),
  ]);
}
