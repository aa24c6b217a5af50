import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

type Row = { name: string; share: number | null };
const columns = [
  { heading: 'Room', value: (r: Row) => r.name },
  { heading: 'Share, %', value: (r: Row) => r.share },
];

describe('toCsv', () => {
  it('starts with a byte-order mark, ends lines with CRLF, and leaves figures unformatted', () => {
    expect(toCsv(columns, [{ name: 'Room 1', share: 0.14583333333333334 }])).toBe(
      '\uFEFFRoom,"Share, %"\r\nRoom 1,0.14583333333333334\r\n',
    );
  });

  it('quotes commas, quotes, line breaks and edge spaces; an empty figure is an empty cell', () => {
    const csv = toCsv(columns, [
      { name: 'Sala "Norte", 2', share: null },
      { name: 'Phòng\nkhám', share: 1200.5 },
      { name: ' padded', share: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFRoom,"Share, %"',
      '"Sala ""Norte"", 2",',
      '"Phòng\nkhám",1200.5',
      '" padded",0',
      '',
    ]);
  });
});
