// Reads a class roster from CSV: a header naming `name`, `email` and `class` (in any order),
// then one pupil a line. Each bad line is reported with its number and the good lines are kept.
// Other columns (an MIS export may carry dates of birth) are never read or stored: least data.
import { z } from 'zod';
import { parseCsv } from './csv';
import { HubError } from './errors';
import { displayText } from './validation';

export interface RosterRow {
  line: number;
  name: string;
  email: string;
}

export interface LineError {
  line: number;
  message: string;
}

export interface RosterReading {
  rows: RosterRow[];
  errors: LineError[];
  ignoredColumns: string[];
}

const REQUIRED = ['name', 'email', 'class'] as const;
const emailSchema = z.email().max(254);
const nameSchema = displayText(100);

const quote = (text: string) => `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;

function readHeader(cells: string[], line: number) {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new HubError(
      400,
      `line ${line}: the first line must be the header name,email,class (missing: ${missing.join(', ')})`,
    );
  }
  const [name, email, className] = REQUIRED.map((column) => names.indexOf(column)) as [
    number,
    number,
    number,
  ];
  const ignoredColumns = names.filter(
    (column) => !(REQUIRED as readonly string[]).includes(column),
  );
  return { name, email, className, ignoredColumns };
}

/** Why a row can't be imported, or null when it can. */
function rowProblem(name: string, email: string, rowClass: string, className: string) {
  if (email === '') return 'the email is empty';
  if (!emailSchema.safeParse(email).success) return `${quote(email)} is not an email address`;
  const named = nameSchema.safeParse(name);
  if (!named.success) return `the name ${named.error.issues[0]?.message ?? 'is not valid'}`;
  const classGiven = rowClass.trim();
  if (classGiven !== '' && classGiven.toLowerCase() !== className.trim().toLowerCase()) {
    return `the class is ${quote(classGiven)}, not ${quote(className)}`;
  }
  return null;
}

/** `className` is the class being imported into; a row naming another class is refused. */
export function readRosterCsv(text: string, className: string): RosterReading {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new HubError(400, `line ${parsed.line}: ${parsed.reason}`);
  const [header, ...records] = parsed.records;
  if (!header)
    throw new HubError(400, 'The roster is empty; the first line must be name,email,class.');
  const columns = readHeader(header.cells, header.line);

  const rows: RosterRow[] = [];
  const errors: LineError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of records) {
    const name = (cells[columns.name] ?? '').trim();
    const email = (cells[columns.email] ?? '').trim().toLowerCase();
    const problem = rowProblem(name, email, cells[columns.className] ?? '', className);
    const first = firstLineOf.get(email);
    if (problem) errors.push({ line, message: `line ${line}: ${problem}` });
    else if (first !== undefined) {
      errors.push({ line, message: `line ${line}: ${quote(email)} is already on line ${first}` });
    } else {
      firstLineOf.set(email, line);
      rows.push({ line, name: nameSchema.parse(name), email });
    }
  }
  return { rows, errors, ignoredColumns: columns.ignoredColumns };
}
