import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatTicket } from './ticket';

describe('formatTicket', () => {
  it('pads to three digits after the queue letter', () => {
    expect(formatTicket(1)).toBe('A-001');
    expect(formatTicket(23)).toBe('A-023');
    expect(formatTicket(999)).toBe('A-999');
    expect(formatTicket(7, 'W')).toBe('W-007');
  });

  it('goes on past 999 instead of stopping the day', () => {
    expect(formatTicket(1000)).toBe('A-1000');
    expect(formatTicket(12_345, 'W')).toBe('W-12345');
  });

  it('refuses what is not a ticket number (a programming error, never a patient input)', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => formatTicket(n)).toThrow(RangeError);
  });

  it('property: distinct numbers give distinct codes, and the number reads back from the code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const code = formatTicket(a, 'W');
        expect(code).toMatch(/^W-\d{3,}$/);
        expect(Number(code.slice(2))).toBe(a);
        expect(code === formatTicket(b, 'W')).toBe(a === b);
        expect(formatTicket(a, 'A')).not.toBe(code);
      }),
    );
  });
});
