import { describe, it, expect } from 'vitest';
import { describeLineError, formatListText, parseListText } from '../../shared/list-text';
import type { ExportRow } from '../../shared/list-text';
import { formatSiteEntry } from '../../shared/site-entry';

const sitesOf = (text: string): string[] => parseListText(text).entries.map(formatSiteEntry);
const errorsOf = (text: string): string[] => parseListText(text).errors.map(describeLineError);

// [name, text, canonical sites kept, described errors, duplicates]
// prettier-ignore
const lists: [string, string, string[], string[], number][] = [
  ['empty text', '', [], [], 0],
  ['one site', 'bbc.co.uk', ['bbc.co.uk'], [], 0],
  ['trailing newline', 'bbc.co.uk\n', ['bbc.co.uk'], [], 0],
  ['LF lines', 'bbc.co.uk\n=www.cbeebies.com\n', ['bbc.co.uk', '=www.cbeebies.com'], [], 0],
  ['CRLF lines', 'bbc.co.uk\r\ncbeebies.com\r\n', ['bbc.co.uk', 'cbeebies.com'], [], 0],
  ['lone CR lines', 'bbc.co.uk\rcbeebies.com\r', ['bbc.co.uk', 'cbeebies.com'], [], 0],
  ['byte order mark', '\uFEFFbbc.co.uk\n', ['bbc.co.uk'], [], 0],
  ['blank lines', '\n\n  \nbbc.co.uk\n\t\n', ['bbc.co.uk'], [], 0],
  ['comments', '# KS1 list\nbbc.co.uk\n  # indented\n', ['bbc.co.uk'], [], 0],
  ['surrounding spaces', '   bbc.co.uk   \n', ['bbc.co.uk'], [], 0],
  ['mixed forms', 'https://www.bbc.co.uk/cbeebies/\n192.168.0.10', ['www.bbc.co.uk/cbeebies/', '192.168.0.10'], [], 0],
  ['bad line kept apart', 'bbc.co.uk\nbbc co uk\ncbeebies.com', ['bbc.co.uk', 'cbeebies.com'], ["line 2: 'bbc co uk' is not a web address"], 0],
  ['line numbers count blanks and comments', '# list\n\nbbc.co.uk\n\n# more\n\nbbc co uk\n', ['bbc.co.uk'], ["line 7: 'bbc co uk' is not a web address"], 0],
  ['line numbers with CRLF', 'a.com\r\n\r\n*.b.com\r\n', ['a.com'], ["line 3: '*.b.com' contains a wildcard (*): write 'b.com' to include it and all its subdomains"], 0],
  ['several errors', 'co.uk\nmoodle\nftp://a.com/', [], ["line 1: 'co.uk' is a public suffix: it would include every site under it", "line 2: 'moodle' is not a full web address (for example moodle.school.org.uk)", "line 3: 'ftp://a.com/' uses ftp:, but only web addresses (http:// or https://) can be listed"], 0],
  ['duplicates by canonical text', 'bbc.co.uk\nBBC.CO.UK\nbbc.co.uk.\nbbc.co.uk:443', ['bbc.co.uk'], [], 3],
  ['exact host differs from domain', 'bbc.co.uk\n=bbc.co.uk\nhttps://bbc.co.uk/', ['bbc.co.uk', '=bbc.co.uk'], [], 1],
  ['first-seen order', 'b.com\na.com\nb.com\nc.com\na.com', ['b.com', 'a.com', 'c.com'], [], 2],
  ['IDN duplicate', 'bücher.de\nxn--bcher-kva.de', ['xn--bcher-kva.de'], [], 1],
  // Headers.
  ['site header', 'site\nbbc.co.uk', ['bbc.co.uk'], [], 0],
  ['URL header', 'URL\nbbc.co.uk', ['bbc.co.uk'], [], 0],
  ['Website header', 'Website,Notes\nbbc.co.uk,news', ['bbc.co.uk'], [], 0],
  ['address header', 'address\nbbc.co.uk', ['bbc.co.uk'], [], 0],
  ['DOMAIN header', 'DOMAIN\nbbc.co.uk', ['bbc.co.uk'], [], 0],
  ['quoted header', '"Site","Source"\nbbc.co.uk,local', ['bbc.co.uk'], [], 0],
  ['header after a comment', '# export\nsite,source\nbbc.co.uk,local', ['bbc.co.uk'], [], 0],
  ['header only on the first line', 'bbc.co.uk\nurl', ['bbc.co.uk'], ["line 2: 'url' is not a full web address (for example url.school.org.uk)"], 0],
  // CSV.
  ['CSV columns ignored', 'bbc.co.uk,local,Mrs Smith,2024-09-01', ['bbc.co.uk'], [], 0],
  ['CSV only first column', 'bbc.co.uk, cbeebies.com', ['bbc.co.uk'], [], 0],
  ['CSV quoted site', '"bbc.co.uk",local', ['bbc.co.uk'], [], 0],
  ['CSV quoted exact host', '"=www.bbc.co.uk",local', ['=www.bbc.co.uk'], [], 0],
  ['CSV spaces around quoted site', '  "bbc.co.uk"  ,local', ['bbc.co.uk'], [], 0],
  ['CSV quoted escapes', '"a""b.com",local', [], ["line 1: 'a\"b.com' is not a web address"], 0],
  ['CSV empty rows', 'site,source\n,,,\n , \nbbc.co.uk,local', ['bbc.co.uk'], [], 0],
  ['CSV missing site', ',local,Mrs Smith', [], ['line 1: has no site in the first column'], 0],
  ['CSV empty quoted site', '"",local', [], ['line 1: has no site in the first column'], 0],
  ['CSV unclosed site quote', '"bbc.co.uk,local\ncbeebies.com', ['cbeebies.com'], ['line 1: has a quote (") that is never closed'], 0],
  ['CSV text after closing quote', '"bbc.co.uk"x,local\ncbeebies.com', ['cbeebies.com'], ['line 1: has a quote (") in the wrong place'], 0],
  ['CSV stray quote inside an unquoted cell', 'bbc.co.uk",local', [], ["line 1: 'bbc.co.uk\"' is not a web address"], 0],
  ['CSV line break inside a later cell', 'bbc.co.uk,local,"Mrs\nSmith, evil.com",x\ncbeebies.com', ['bbc.co.uk', 'cbeebies.com'], [], 0],
  ['CSV line numbers after a multi-line cell', 'a.com,"x\ny\nz"\nbad site', ['a.com'], ["line 4: 'bad site' is not a web address"], 0],
  ['CSV later quote never closed', 'bbc.co.uk,"oops\ncbeebies.com\nbad site', ['cbeebies.com'], ['line 1: has a quote (") that is never closed', "line 3: 'bad site' is not a web address"], 0],
  ['CSV quote inside a later unquoted cell', 'bbc.co.uk,Mrs "S" Smith\ncbeebies.com', ['bbc.co.uk', 'cbeebies.com'], [], 0],
];

describe('parseListText', () => {
  it.each(lists)('%s', (_name, text, sites, errors, duplicates) => {
    const parsed = parseListText(text);
    expect(parsed.entries.map(formatSiteEntry)).toEqual(sites);
    expect(parsed.errors.map(describeLineError)).toEqual(errors);
    expect(parsed.duplicates).toBe(duplicates);
  });

  it('reports the line number, trimmed text and reason of a bad line', () => {
    const parsed = parseListText('a.com\nb.com\n\n# c\nd.com\ne.com\n  bbc co uk  \n');
    expect(parsed.errors).toEqual([
      { line: 7, text: 'bbc co uk', reason: "'bbc co uk' is not a web address" },
    ]);
    expect(describeLineError(parsed.errors[0]!)).toBe("line 7: 'bbc co uk' is not a web address");
  });

  it('reads 100,000 lines, keeping every good one', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) lines.push(`site-${i}.example.co.uk`);
    lines.push('site-0.example.co.uk', 'bbc co uk');
    const parsed = parseListText(`site\r\n${lines.join('\r\n')}\r\n`);
    expect(parsed.entries).toHaveLength(100_000);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.errors.map(describeLineError)).toEqual([
      "line 100003: 'bbc co uk' is not a web address",
    ]);
  });

  it('reads every line after a quote that is never closed', () => {
    const lines = ['a.com,"never closed'];
    for (let i = 0; i < 100_000; i += 1) lines.push(`site-${i}.example.co.uk,x`);
    const parsed = parseListText(lines.join('\n'));
    expect(parsed.entries).toHaveLength(100_000);
    expect(parsed.errors.map(describeLineError)).toEqual([
      'line 1: has a quote (") that is never closed',
    ]);
  });
});

const HEADER = 'site,source,added_by,added_at\r\n';

// [name, rows, txt export, csv export]
// prettier-ignore
const exports: [string, ExportRow[], string, string][] = [
  ['no rows', [], '', HEADER],
  ['plain row', [{ site: 'bbc.co.uk', source: 'local', addedBy: 'Mrs Smith', addedAt: '2024-09-01T09:00:00Z' }], 'bbc.co.uk\n', HEADER + 'bbc.co.uk,local,Mrs Smith,2024-09-01T09:00:00Z\r\n'],
  ['missing optional cells', [{ site: 'bbc.co.uk', source: 'starter' }], 'bbc.co.uk\n', HEADER + 'bbc.co.uk,starter,,\r\n'],
  ['exact host is quoted, not prefixed', [{ site: '=www.bbc.co.uk', source: 'local' }], '=www.bbc.co.uk\n', HEADER + '"=www.bbc.co.uk",local,,\r\n'],
  ['non-canonical site starting like a formula', [{ site: '=cmd|x', source: 'local' }], '=cmd|x\n', HEADER + "'=cmd|x,local,,\r\n"],
  ['comma', [{ site: 'a.com', source: 'local', addedBy: 'Smith, J' }], 'a.com\n', HEADER + 'a.com,local,"Smith, J",\r\n'],
  ['quote', [{ site: 'a.com', source: 'local', addedBy: 'Say "hi"' }], 'a.com\n', HEADER + 'a.com,local,"Say ""hi""",\r\n'],
  ['newline', [{ site: 'a.com', source: 'local', addedBy: 'Mrs\nSmith' }], 'a.com\n', HEADER + 'a.com,local,"Mrs\nSmith",\r\n'],
  ['equals', [{ site: 'a.com', source: 'local', addedBy: '=1+1' }], 'a.com\n', HEADER + "a.com,local,'=1+1,\r\n"],
  ['plus', [{ site: 'a.com', source: 'local', addedBy: '+441234' }], 'a.com\n', HEADER + "a.com,local,'+441234,\r\n"],
  ['minus', [{ site: 'a.com', source: 'local', addedBy: '-2' }], 'a.com\n', HEADER + "a.com,local,'-2,\r\n"],
  ['at', [{ site: 'a.com', source: 'local', addedBy: '@SUM(A1)' }], 'a.com\n', HEADER + "a.com,local,'@SUM(A1),\r\n"],
  ['tab', [{ site: 'a.com', source: 'local', addedBy: '\tx' }], 'a.com\n', HEADER + "a.com,local,'\tx,\r\n"],
  ['formula with comma and quotes', [{ site: 'a.com', source: 'local', addedBy: '=HYPERLINK("x","y")' }], 'a.com\n', HEADER + 'a.com,local,"\'=HYPERLINK(""x"",""y"")",\r\n'],
];

describe('formatListText', () => {
  it.each(exports)('%s', (_name, rows, txt, csv) => {
    expect(formatListText(rows, 'txt')).toBe(txt);
    expect(formatListText(rows, 'csv')).toBe(csv);
  });
});

const roundTripRows: ExportRow[] = [
  { site: 'bbc.co.uk', source: 'local', addedBy: 'Mrs Smith', addedAt: '2024-09-01T09:00:00Z' },
  { site: '=www.bbc.co.uk', source: 'approval', addedBy: '=Mr "Jones", Y6\nnot-a-site.com' },
  { site: 'www.bbc.co.uk/cbeebies/', source: 'lesson', addedBy: '-, @, +' },
  { site: 'www.bbc.co.uk/caf%C3%A9', source: 'local' },
  { site: 'xn--bcher-kva.de', source: 'starter' },
  { site: '192.168.0.10', source: 'managed' },
  { site: '[2001:db8::1]/moodle', source: 'local', addedBy: 'a\r\nb' },
];

describe('export then import', () => {
  it.each(['txt', 'csv'] as const)('round-trips %s', (format) => {
    const text = formatListText(roundTripRows, format);
    expect(sitesOf(text)).toEqual(roundTripRows.map((row) => row.site));
    expect(errorsOf(text)).toEqual([]);
  });
});
