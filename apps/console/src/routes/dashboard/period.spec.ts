import { describe, expect, it } from 'vitest';
import { lastDays, readPeriod } from './period';

describe('the dashboard period in the address', () => {
  it('reads a bookmarked period', () => {
    expect(readPeriod(new URLSearchParams('from=2026-11-01&to=2026-11-30'), '2026-12-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
  it('falls back to the last 7 days for none, garbage, or a period that ends before it starts', () => {
    const week = { from: '2026-11-25', to: '2026-12-01' };
    expect(readPeriod(new URLSearchParams(''), '2026-12-01')).toEqual(week);
    expect(readPeriod(new URLSearchParams('from=last&to=week'), '2026-12-01')).toEqual(week);
    expect(readPeriod(new URLSearchParams('from=2026-12-01&to=2026-11-01'), '2026-12-01')).toEqual(week);
  });
  it('counts back across a month end and a DST change by calendar days', () => {
    expect(lastDays('2026-03-09', 3)).toEqual({ from: '2026-03-07', to: '2026-03-09' });
    expect(lastDays('2026-03-01', 2)).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });
});
