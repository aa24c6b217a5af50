import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, mondayOf } from './week';

describe('roster weeks', () => {
  it('start on Monday, also across a month and a year', () => {
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(daysFrom('2026-12-28', 7).at(-1)).toBe('2027-01-03');
  });
});
