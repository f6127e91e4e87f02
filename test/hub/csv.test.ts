import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';
import { csvCell, formatCsv } from '../../hub/server/csv-export';

describe('parseCsv', () => {
  it('reads cells and keeps the line each record starts on', () => {
    expect(parseCsv('a,b\n\nc,d\n')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['c', 'd'] },
      ],
    });
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const result = parseCsv('"Smith, Jo","say ""hi"""\r\n"two\nlines",x\r\nlast,y');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['Smith, Jo', 'say "hi"'] },
        { line: 2, cells: ['two\nlines', 'x'] },
        { line: 4, cells: ['last', 'y'] },
      ],
    });
  });

  it('skips a byte-order mark and lines of empty cells', () => {
    expect(parseCsv('\uFEFFname\n,,\n')).toEqual({
      ok: true,
      records: [{ line: 1, cells: ['name'] }],
    });
  });

  it('reports a quote that is never closed, with its line', () => {
    expect(parseCsv('a\nb\n"c,d\ne')).toEqual({
      ok: false,
      line: 3,
      reason: 'a quoted cell is never closed',
    });
  });
});

describe('formatCsv', () => {
  it('writes CRLF records after a BOM, quoting commas, quotes and line breaks', () => {
    expect(
      formatCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
        [1, null],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","two\nlines"\r\n1,\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
  ])('makes %j text a spreadsheet will not run', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('reads back what it wrote', () => {
    const rows = [
      ['=cmd|x', 'ok, "fine"'],
      ['line\r\nbreak', ''],
    ];
    const parsed = parseCsv(formatCsv(rows));
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["'=cmd|x", 'ok, "fine"'] },
        { line: 2, cells: ['line\r\nbreak', ''] },
      ],
    });
  });
});
