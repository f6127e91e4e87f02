// Importing and exporting a whole list as plain text (one site a line) or as CSV with the site
// in the first column, as a spreadsheet would save it. One bad line never sinks the import:
// it is reported with its line number while every good line is kept.
import { formatSiteEntry, parseSiteEntry } from './site-entry';
import type { SiteEntry } from './site-entry';

export interface ListLineError {
  /** 1-based physical line number. */
  line: number;
  /** The trimmed text of that line. */
  text: string;
  /** Reads naturally after "line N: ". */
  reason: string;
}

export interface ParsedList {
  entries: SiteEntry[];
  errors: ListLineError[];
  /** Entries dropped because an earlier line gave the same canonical site. */
  duplicates: number;
}

export interface ExportRow {
  site: string;
  source: string;
  addedBy?: string;
  addedAt?: string;
}

const HEADER_NAMES = new Set(['site', 'url', 'website', 'address', 'domain']);

type FirstCell = { ok: true; cell: string; rest: string } | { ok: false; reason: string };

/** Reads the first CSV cell of a line; a site never contains a comma or a line break. */
function readFirstCell(line: string): FirstCell {
  const start = line.search(/\S/);
  if (line[start] !== '"') {
    const comma = line.indexOf(',');
    return comma === -1
      ? { ok: true, cell: line, rest: '' }
      : { ok: true, cell: line.slice(0, comma), rest: line.slice(comma) };
  }
  let cell = '';
  let i = start + 1;
  for (;;) {
    if (i >= line.length) return { ok: false, reason: 'has a quote (") that is never closed' };
    const ch = line[i];
    if (ch === '"') {
      if (line[i + 1] !== '"') break;
      cell += '"';
      i += 2;
    } else {
      cell += ch;
      i += 1;
    }
  }
  const rest = line.slice(i + 1);
  if (rest.trim() !== '' && !rest.trimStart().startsWith(',')) {
    return { ok: false, reason: 'has a quote (") in the wrong place' };
  }
  return { ok: true, cell, rest: rest.trimStart() };
}

/**
 * Whether a quoted cell is still open at the end of `text`. Quotes only open at the start of a
 * cell (RFC 4180), so a stray quote inside an unquoted cell is just a character.
 */
function endsInsideQuote(text: string, insideQuote: boolean): boolean {
  let inside = insideQuote;
  let atCellStart = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inside) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else inside = false;
      }
    } else if (ch === ',') {
      atCellStart = true;
    } else if (ch === '"' && atCellStart) {
      inside = true;
      atCellStart = false;
    } else if (ch !== ' ' && ch !== '\t') {
      atCellStart = false;
    }
  }
  return inside;
}

export function parseListText(text: string): ParsedList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: SiteEntry[] = [];
  const errors: ListLineError[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let sawFirstRecord = false;
  // Cleared after a quoted cell runs unclosed to the end of the text, so that the lines it
  // swallowed are read again one by one (and no line is ever scanned more than twice).
  let allowMultiLineCells = true;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[\s,]*$/.test(line)) continue;
    const lineNumber = index + 1;
    const isFirstRecord = !sawFirstRecord;
    sawFirstRecord = true;

    const first = readFirstCell(line);
    if (!first.ok) {
      errors.push({ line: lineNumber, text: trimmed, reason: first.reason });
      continue;
    }
    // A later column (a name, say) may hold a quoted line break; its continuation lines are
    // part of this record, not sites.
    if (allowMultiLineCells && first.rest.includes('"') && endsInsideQuote(first.rest, false)) {
      let end = index + 1;
      let inside = true;
      while (inside && end < lines.length) {
        inside = endsInsideQuote(`\n${lines[end] ?? ''}`, true);
        end += 1;
      }
      if (inside) {
        allowMultiLineCells = false;
        errors.push({
          line: lineNumber,
          text: trimmed,
          reason: 'has a quote (") that is never closed',
        });
        continue;
      }
      index = end - 1;
    }

    const cell = first.cell.trim();
    if (isFirstRecord && HEADER_NAMES.has(cell.toLowerCase())) continue;
    if (cell === '') {
      errors.push({ line: lineNumber, text: trimmed, reason: 'has no site in the first column' });
      continue;
    }
    const result = parseSiteEntry(cell);
    if (!result.ok) {
      errors.push({ line: lineNumber, text: trimmed, reason: result.reason });
      continue;
    }
    const key = formatSiteEntry(result.entry);
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    entries.push(result.entry);
  }
  return { entries, errors, duplicates };
}

export function describeLineError(error: ListLineError): string {
  return `line ${error.line}: ${error.reason}`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

const quoteCsv = (value: string): string => `"${value.replaceAll('"', '""')}"`;

function csvCell(value: string): string {
  // A spreadsheet would run a cell starting like a formula; the apostrophe makes it text.
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? quoteCsv(safe) : safe;
}

function csvSiteCell(site: string): string {
  // `=www.bbc.co.uk` is the exact-host syntax: an apostrophe would break it on re-import, and
  // a canonical site holds only host-name characters, which can't form a harmful formula.
  const parsed = parseSiteEntry(site);
  if (FORMULA_START.test(site) && parsed.ok && formatSiteEntry(parsed.entry) === site) {
    return quoteCsv(site);
  }
  return csvCell(site);
}

export function formatListText(rows: readonly ExportRow[], format: 'txt' | 'csv'): string {
  if (format === 'txt') return rows.map((row) => `${row.site}\n`).join('');
  const lines = ['site,source,added_by,added_at'];
  for (const row of rows) {
    lines.push(
      [
        csvSiteCell(row.site),
        csvCell(row.source),
        csvCell(row.addedBy ?? ''),
        csvCell(row.addedAt ?? ''),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
