// Writes CSV for spreadsheets (RFC 4180, CRLF, a BOM so Excel reads UTF-8). Every cell is text
// from people or the web, so a cell a spreadsheet would run as a formula (= + - @, or a tab or
// carriage return before one) gets a leading single quote: it then shows as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
