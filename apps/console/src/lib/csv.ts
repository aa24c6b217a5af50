/** One column of an exported table: its heading and the raw value of a row (figures unformatted). */
export type CsvColumn<R> = { heading: string; value: (row: R) => string | number | null };

const quote = (cell: string | number | null): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet apps read accents right; CRLF line ends; numbers as
 * they are (no thousands separators, no rounding) so they stay numbers.
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = [
    columns.map((c) => quote(c.heading)),
    ...rows.map((r) => columns.map((c) => quote(c.value(r)))),
  ];
  return '\uFEFF' + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** Hands a CSV to the browser as a download. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
