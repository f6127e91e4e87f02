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

function localHeader(entry: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION_MADE_BY, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number and internal attributes (offsets 30 to 37) stay 0.
  header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
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
