import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatTicket, nextTicketNumber } from './ticket';

describe('formatTicket', () => {
  it('pads to three digits after the queue letter', () => {
    expect(formatTicket(1)).toBe('A-001');
    expect(formatTicket(23)).toBe('A-023');
    expect(formatTicket(999)).toBe('A-999');
    expect(formatTicket(7, 'B')).toBe('B-007');
  });

  it('throws outside 1..999 and for non-integers', () => {
    for (const n of [0, -1, 1000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => formatTicket(n)).toThrow(RangeError);
  });

  it('property: every ticket of the day is distinct, 5 characters and sorts like its number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
        const ta = formatTicket(a);
        expect(ta).toMatch(/^A-\d{3}$/);
        expect(Number(ta.slice(2))).toBe(a);
        expect(ta === formatTicket(b)).toBe(a === b);
        expect(Math.sign(ta.localeCompare(formatTicket(b)))).toBe(Math.sign(a - b));
      }),
    );
  });
});

describe('nextTicketNumber', () => {
  it('starts the day at 1', () => expect(nextTicketNumber([])).toBe(1));
  it('follows the highest issued number, even out of order or with gaps', () => {
    expect(nextTicketNumber([1, 2, 3])).toBe(4);
    expect(nextTicketNumber([5, 2, 9, 3])).toBe(10);
  });
  it('property: never reissues a number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 998 })), (issued) => {
        const next = nextTicketNumber(issued);
        expect(issued).not.toContain(next);
        expect(() => formatTicket(next)).not.toThrow();
      }),
    );
  });
  it('the 1000th ticket of a day cannot be formatted (the day is full)', () => {
    expect(() => formatTicket(nextTicketNumber([999]))).toThrow(RangeError);
  });
});
