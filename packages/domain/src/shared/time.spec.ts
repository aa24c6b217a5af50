import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clinicDay, clinicTime, clinicDayBounds, nextDay } from './time';

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

/** The clinic-local wall clock of an instant, as HH:MM (an independent reading through Intl). */
const wallClock = (instant: Date, timezone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

describe('clinicTime', () => {
  it('on the days the clocks change in New York (8 March and 1 November 2026)', () => {
    // Spring forward at 02:00: 01:30 is still EST (UTC−5), 08:30 is EDT (UTC−4).
    expect(clinicTime('2026-03-08', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T06:30:00.000Z',
    );
    expect(clinicTime('2026-03-08', '08:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T12:30:00.000Z',
    );
    expect(clinicTime('2026-03-08', '03:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // 02:30 never happens that night: it is the moment after the jump, 03:30 EDT.
    expect(clinicTime('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // Fall back at 02:00: 01:30 happens twice; the first (EDT) is meant. 08:30 is EST again.
    expect(clinicTime('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(clinicTime('2026-11-01', '08:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T13:30:00.000Z',
    );
  });

  it('on the days the clocks change east of UTC (Sydney: 5 April and 4 October 2026)', () => {
    // Spring forward at 02:00 AEST (UTC+10) to 03:00 AEDT (UTC+11): 02:00 and 02:30 never happen.
    expect(clinicTime('2026-10-04', '02:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-10-03T16:00:00.000Z',
    );
    expect(clinicTime('2026-10-04', '02:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-10-03T16:30:00.000Z',
    );
    expect(clinicTime('2026-10-04', '01:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    // Fall back at 03:00 AEDT to 02:00 AEST: 02:30 happens twice; the first (AEDT) is meant.
    expect(clinicTime('2026-04-05', '02:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    expect(clinicTime('2026-04-05', '03:30', 'Australia/Sydney').toISOString()).toBe(
      '2026-04-04T17:30:00.000Z',
    );
  });

  it('midnight and the minute before it belong to their own days', () => {
    expect(clinicDay(clinicTime('2026-11-30', '23:59', 'America/New_York'), 'America/New_York')).toBe(
      '2026-11-30',
    );
    expect(clinicDay(clinicTime('2026-12-01', '00:00', 'America/New_York'), 'America/New_York')).toBe(
      '2026-12-01',
    );
    expect(
      clinicTime('2026-12-01', '00:00', 'America/New_York').getTime() -
        clinicTime('2026-11-30', '23:59', 'America/New_York').getTime(),
    ).toBe(60_000);
  });

  it('property: every quarter hour of every day of a year reads back as itself, in zones on both sides of UTC', () => {
    const zones = [
      'America/New_York',
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kolkata',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 95 }),
        (zone, dayOfYear, quarter) => {
          const day = new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
          const hhmm = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
          const instant = clinicTime(day, hhmm, zone);
          expect(clinicDay(instant, zone)).toBe(day);
          const back = wallClock(instant, zone);
          // Only a wall time the clock skips comes back different: the same minutes, one hour later.
          if (back !== hhmm) {
            const later = `${String(Number(hhmm.slice(0, 2)) + 1).padStart(2, '0')}${hhmm.slice(2)}`;
            expect(back, `${zone} ${day} ${hhmm}`).toBe(later);
          }
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);
});

describe('clinicDayBounds', () => {
  it('runs from local midnight to local midnight: 24 hours, or 23 and 25 on the days the clocks change', () => {
    const hours = (day: string) => {
      const b = clinicDayBounds(day, 'America/New_York');
      return (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / 3_600_000;
    };
    expect(clinicDayBounds('2026-12-01', 'America/New_York')).toEqual({
      startsAt: '2026-12-01T05:00:00.000Z',
      endsAt: '2026-12-02T05:00:00.000Z',
    });
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
