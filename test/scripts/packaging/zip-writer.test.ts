// The zip writer, read back by an independent implementation (Python's zipfile, which CI has:
// .ci/run installs python3 for better-sqlite3) and checked byte for byte where it matters.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeZip, ZipError, type ZipEntry } from '../../../scripts/packaging/zip-writer';

const folder = mkdtempSync(path.join(tmpdir(), 'safe-class-zip-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface PythonEntry {
  name: string;
  crc: number;
  size: number;
  method: number;
  date: number[];
  mode: number;
  data: string;
}

/** What Python's zipfile finds in the zip: it tests every CRC and inflates every entry. */
function readWithPython(zip: Buffer): { bad: string | null; entries: PythonEntry[] } {
  const file = path.join(folder, `${randomBytes(4).toString('hex')}.zip`);
  writeFileSync(file, zip);
  const script = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    entries = [dict(name=i.filename, crc=i.CRC, size=i.file_size, method=i.compress_type,
                    date=list(i.date_time), mode=i.external_attr >> 16,
                    data=base64.b64encode(z.read(i)).decode()) for i in z.infolist()]
print(json.dumps(dict(bad=bad, entries=entries)))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const text = (name: string, body: string): ZipEntry => ({ name, data: Buffer.from(body) });

describe('writeZip', () => {
  const entries: ZipEntry[] = [
    text('manifest.json', '{"manifest_version":3}\n'.repeat(20)),
    text('_locales/en_GB/messages.json', '{"a":{"message":"Hello"}}'.repeat(10)),
    { name: 'assets/noise.bin', data: randomBytes(4096) },
    text('assets/empty.js', ''),
    text('assets/ünïcode-名前.js', 'export {};'),
  ];

  it('writes a zip another implementation reads back exactly, in the given order', () => {
    const read = readWithPython(writeZip(entries));
    expect(read.bad).toBeNull();
    expect(read.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const [index, entry] of read.entries.entries()) {
      const original = entries[index] as ZipEntry;
      expect(Buffer.from(entry.data, 'base64').equals(Buffer.from(original.data))).toBe(true);
      expect(entry.size).toBe(original.data.length);
      expect(entry.crc).toBe(crc32(original.data));
      // The DOS epoch, and a plain readable file.
      expect(entry.date).toEqual([1980, 1, 1, 0, 0, 0]);
      expect(entry.mode).toBe(0o100644);
    }
  });

  it('deflates what shrinks and stores what does not', () => {
    const methods = readWithPython(writeZip(entries)).entries.map((e) => [e.name, e.method]);
    expect(methods).toEqual([
      ['manifest.json', 8],
      ['_locales/en_GB/messages.json', 8],
      ['assets/noise.bin', 0],
      ['assets/empty.js', 0],
      ['assets/ünïcode-名前.js', 0],
    ]);
  });

  it('stores the standard CRC-32 (check value of "123456789" is cbf43926)', () => {
    const zip = writeZip([text('check.txt', '123456789')]);
    // Local header: CRC at offset 14; central header (after the 30+9 byte header and 9 bytes).
    expect(zip.readUInt32LE(14).toString(16)).toBe('cbf43926');
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt32LE(central + 16).toString(16)).toBe('cbf43926');
  });

  it('gives identical bytes for the same files at any time', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
      const first = writeZip(entries);
      vi.setSystemTime(new Date('2031-07-15T13:45:00Z'));
      expect(writeZip(entries).equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes an empty zip as the bare end record', () => {
    expect(writeZip([]).toString('hex')).toBe(`504b0506${'00'.repeat(18)}`);
    expect(readWithPython(writeZip([])).entries).toEqual([]);
  });

  it.each([
    ['', 'is empty'],
    ['/etc/passwd', 'is absolute'],
    ['C:/x.js', 'is absolute'],
    ['assets\\x.js', 'has a backslash (zip names use /)'],
    ['assets/../../x.js', 'has an empty, . or .. part'],
    ['./x.js', 'has an empty, . or .. part'],
    ['assets//x.js', 'has an empty, . or .. part'],
    ['assets/', 'has an empty, . or .. part'],
  ])('refuses the name %j: it %s', (name, problem) => {
    expect(() => writeZip([text(name, 'x')])).toThrow(
      new ZipError(`Zip entry name '${name}' ${problem}.`),
    );
  });

  it('refuses a name given twice', () => {
    expect(() => writeZip([text('a.js', '1'), text('a.js', '2')])).toThrow(
      "Zip entry name 'a.js' appears twice.",
    );
  });
});
