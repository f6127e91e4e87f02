// Plain-text table layout for the bench report: left-aligned first column, right-aligned figures.

export type Align = 'left' | 'right';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** 1234.5 → "1,235"; used for counts and for times of a second or more. */
export const formatInt = (value: number): string =>
  Number.isFinite(value) ? grouped.format(value) : '—';

/** Milliseconds with one decimal below 1,000 ms, whole milliseconds above. */
export const formatMs = (value: number): string =>
  !Number.isFinite(value) ? '—' : value >= 1000 ? grouped.format(value) : oneDecimal.format(value);

export const formatRatio = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';

/** Pads every column to its widest cell; columns are separated by `gap` spaces. */
export function formatTable(rows: readonly string[][], align: readonly Align[], gap = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          const pad = ' '.repeat(width - [...cell].length);
          return (align[column] ?? 'left') === 'right' ? pad + cell : cell + pad;
        })
        .join(' '.repeat(gap))
        .trimEnd(),
    )
    .join('\n');
}
