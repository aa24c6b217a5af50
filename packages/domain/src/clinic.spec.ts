import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clinicDay } from './clinic';

describe('clinicDay', () => {
  it('is the clinic-local date, not the UTC date', () => {
    // 22:00 in New York on the 28th is already March 1st in UTC.
    expect(clinicDay(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(clinicDay(new Date('2026-03-01T03:00:00Z'), 'UTC')).toBe('2026-03-01');
    expect(clinicDay(new Date('2026-03-01T05:00:00Z'), 'America/New_York')).toBe('2026-03-01');
    // East of UTC the local day starts earlier.
    expect(clinicDay(new Date('2026-02-28T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-01');
  });
  it('follows daylight saving: midnight in New York is 04:00Z in summer, 05:00Z in winter', () => {
    expect(clinicDay(new Date('2026-07-01T03:59:00Z'), 'America/New_York')).toBe('2026-06-30');
    expect(clinicDay(new Date('2026-07-01T04:00:00Z'), 'America/New_York')).toBe('2026-07-01');
    expect(clinicDay(new Date('2026-01-15T04:59:00Z'), 'America/New_York')).toBe('2026-01-14');
    expect(clinicDay(new Date('2026-01-15T05:00:00Z'), 'America/New_York')).toBe('2026-01-15');
  });
  it('property: always YYYY-MM-DD and equal to the UTC date for a UTC clinic', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(clinicDay(d, 'UTC')).toBe(d.toISOString().slice(0, 10));
          expect(clinicDay(d, 'America/New_York')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
    );
  });
  it('throws for an unknown timezone rather than guessing', () => {
    expect(() => clinicDay(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
