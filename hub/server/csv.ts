// A small CSV reader (RFC 4180 as spreadsheets write it): commas, quoted cells with "" for a
// quote, line breaks inside quotes, CRLF or LF. Each record keeps the line it starts on, so
// errors can name the line a teacher sees in their editor.
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

export function parseCsv(input: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    cells.push(cell);
    // Blank lines (and lines of empty cells) are skipped, as spreadsheets leave them at the end.
    if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      inQuotes = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes) return { ok: false, line: recordLine, reason: 'a quoted cell is never closed' };
  endRecord();
  return { ok: true, records };
}
