import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  expandSeries,
  maxOccurrences,
  recurrenceProblem,
  shiftRule,
  weekdayCodes,
  type Recurrence,
} from './recurrence';

const weekly = (weekdays: Recurrence['weekdays'], more: Partial<Recurrence> = {}): Recurrence => ({
  frequency: 'weekly',
  interval: 1,
  weekdays,
  monthlyBy: 'day',
  until: null,
  count: 4,
  ...more,
});
const local = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(iso))
    .replace(', ', ' ');
const weekdayOf = (day: string) => weekdayCodes[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;

describe('expandSeries', () => {
  it('keeps 09:00 in New York at 09:00 across the November clock change', () => {
    const occurrences = expandSeries({
      rule: weekly(['TU']),
      firstDay: '2026-10-27',
      time: '09:00',
      durationMinutes: 30,
      timezone: 'America/New_York',
    });
    expect(occurrences.map((o) => o.startsAt)).toEqual([
      '2026-10-27T13:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
      '2026-11-10T14:00:00.000Z',
      '2026-11-17T14:00:00.000Z',
    ]);
    expect(occurrences[1]!.endsAt).toBe('2026-11-03T14:30:00.000Z');
  });

  it('repeats monthly on the 2nd Tuesday, every 2 weeks on two days, and on the same date', () => {
    const tz = 'Europe/Berlin';
    const days = (rule: Recurrence, firstDay: string) =>
      expandSeries({ rule, firstDay, time: '10:00', durationMinutes: 20, timezone: tz }).map((o) => o.day);
    expect(
      days({ ...weekly([]), frequency: 'monthly', monthlyBy: 'weekday', count: 3 }, '2027-01-12'),
    ).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
    expect(days(weekly(['MO', 'TH'], { interval: 2 }), '2027-03-01')).toEqual([
      '2027-03-01',
      '2027-03-04',
      '2027-03-15',
      '2027-03-18',
    ]);
    expect(
      days({ ...weekly([]), frequency: 'monthly', until: '2027-04-30', count: null }, '2027-01-31'),
    ).toEqual(['2027-01-31', '2027-03-31']);
  });

  it('refuses an endless, too long or empty rule at the field', () => {
    expect(recurrenceProblem(weekly(['MO'], { count: null }), '2027-01-04')?.path).toBe('recurrence.until');
    expect(recurrenceProblem(weekly(['MO'], { count: 53 }), '2027-01-04')?.path).toBe('recurrence.count');
    expect(
      recurrenceProblem(weekly(['MO', 'TU'], { count: null, until: '2027-12-31' }), '2027-01-04'),
    ).toEqual({
      path: 'recurrence.until',
      message: 'At most 52 occurrences: end the series earlier or repeat less often.',
    });
    expect(recurrenceProblem(weekly(['MO'], { count: null, until: '2027-01-05' }), '2027-01-04')?.path).toBe(
      'recurrence.until',
    );
    expect(recurrenceProblem(weekly(['MO'], { count: 52 }), '2027-01-04')).toBeNull();
  });

  it('shifts a weekly rule moved to another day by the same number of days', () => {
    expect(shiftRule(weekly(['MO', 'FR']), '2027-01-04', '2027-01-05').weekdays).toEqual(['TU', 'SA']);
    expect(shiftRule(weekly(['SU']), '2027-01-10', '2027-01-11').weekdays).toEqual(['MO']);
  });
});

// Days from which a series of up to 52 occurrences crosses at least one clock change in every zone.
const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;
const firstDays = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const times = fc
  .tuple(fc.integer({ min: 6, max: 21 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const rules = fc.record({
  frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
  interval: fc.integer({ min: 1, max: 4 }),
  weekdays: fc.uniqueArray(fc.constantFrom(...weekdayCodes), { maxLength: 3 }),
  monthlyBy: fc.constantFrom('day' as const, 'weekday' as const),
  end: fc.oneof(
    fc.integer({ min: 2, max: maxOccurrences }).map((count) => ({ count, until: null })),
    fc.integer({ min: 1, max: 500 }).map((days) => ({ count: null, days })),
  ),
});

describe('expandSeries across daylight-saving changes', () => {
  it('puts every occurrence at the same local time, on the rule’s days, inside its bounds, at most 52', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), firstDays, times, rules, (timezone, firstDay, time, r) => {
        const until =
          'days' in r.end
            ? new Date(Date.parse(`${firstDay}T00:00:00Z`) + r.end.days * 86_400_000)
                .toISOString()
                .slice(0, 10)
            : null;
        const rule: Recurrence = { ...r, until, count: 'days' in r.end ? null : r.end.count };
        const occurrences = expandSeries({ rule, firstDay, time, durationMinutes: 30, timezone });
        expect(occurrences.length).toBeLessThanOrEqual(maxOccurrences);
        if (rule.count) expect(occurrences.length).toBeLessThanOrEqual(rule.count);
        occurrences.forEach((o, i) => {
          expect(o.index).toBe(i);
          expect(local(o.startsAt, timezone)).toBe(`${o.day} ${time}`);
          expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(30 * 60_000);
          expect(o.day >= firstDay).toBe(true);
          if (until) expect(o.day <= until).toBe(true);
          if (i > 0) expect(o.startsAt > occurrences[i - 1]!.startsAt).toBe(true);
          if (rule.frequency === 'weekly')
            expect(rule.weekdays.length ? rule.weekdays : [weekdayOf(firstDay)]).toContain(weekdayOf(o.day));
          else if (rule.monthlyBy === 'day') expect(o.day.slice(8)).toBe(firstDay.slice(8));
          else expect(weekdayOf(o.day)).toBe(weekdayOf(firstDay));
        });
      }),
      { numRuns: 400 },
    );
  });
});
