import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';

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
