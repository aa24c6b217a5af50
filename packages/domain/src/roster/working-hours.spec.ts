import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  patternProblems,
  weekdayOf,
  workingIntervals,
  workingRangesOn,
  type ExceptionRule,
  type Weekday,
  type WorkingPattern,
} from './working-hours';

const NY = 'America/New_York';
const weekdaysNine: WorkingPattern = {
  sessions: ([1, 2, 3, 4, 5] as Weekday[]).flatMap((weekday) => [
    { weekday, start: '08:00', end: '12:00' },
    { weekday, start: '13:00', end: '17:00' },
  ]),
};
const away = (e: Partial<ExceptionRule>): ExceptionRule => ({
  kind: 'leave',
  fromDay: '2026-12-01',
  toDay: '2026-12-01',
  start: null,
  end: null,
  ...e,
});

describe('working intervals', () => {
  it('turns a weekly pattern into UTC intervals in the clinic zone', () => {
    // Tue 1 Dec 2026, New York is UTC−5.
    expect(workingIntervals(weekdaysNine, [], '2026-12-01T05:00:00Z', '2026-12-02T05:00:00Z', NY)).toEqual([
      { startsAt: '2026-12-01T13:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' },
      { startsAt: '2026-12-01T18:00:00.000Z', endsAt: '2026-12-01T22:00:00.000Z' },
    ]);
  });

  it('takes leave off, part days too, and adds an extra Saturday session', () => {
    const week = ['2026-11-30T05:00:00Z', '2026-12-07T05:00:00Z'] as const;
    const exceptions = [
      away({ kind: 'leave', fromDay: '2026-12-01', toDay: '2026-12-02' }),
      away({ kind: 'training', fromDay: '2026-12-03', toDay: '2026-12-03', start: '10:00', end: '14:00' }),
      away({ kind: 'extra', fromDay: '2026-12-05', toDay: '2026-12-05', start: '09:00', end: '12:30' }),
    ];
    const days = workingIntervals(weekdaysNine, exceptions, ...week, NY).map(
      (i) => `${i.startsAt.slice(5, 16)}–${i.endsAt.slice(11, 16)}`,
    );
    expect(days).toEqual([
      '11-30T13:00–17:00',
      '11-30T18:00–22:00',
      '12-03T13:00–15:00',
      '12-03T19:00–22:00',
      '12-04T13:00–17:00',
      '12-04T18:00–22:00',
      '12-05T14:00–17:30',
    ]);
  });

  it('keeps away time over an extra session, and clips to the window', () => {
    const exceptions = [
      away({ kind: 'extra', start: '17:00', end: '19:00' }),
      away({ kind: 'sick', start: '18:00', end: '24:00' }),
    ];
    expect(
      workingIntervals(weekdaysNine, exceptions, '2026-12-01T20:00:00Z', '2026-12-02T00:00:00Z', NY),
    ).toEqual([{ startsAt: '2026-12-01T20:00:00.000Z', endsAt: '2026-12-01T23:00:00.000Z' }]);
  });

  it('follows the wall clock over the spring and autumn changes', () => {
    const nights: WorkingPattern = { sessions: [{ weekday: 7, start: '01:00', end: '04:00' }] };
    // Sun 8 Mar 2026: 02:00 EST jumps to 03:00 EDT, so 01:00–04:00 is two hours long.
    expect(workingIntervals(nights, [], '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', NY)).toEqual([
      { startsAt: '2026-03-08T06:00:00.000Z', endsAt: '2026-03-08T08:00:00.000Z' },
    ]);
    // Sun 1 Nov 2026: 02:00 EDT falls back to 01:00 EST, so it is four hours long.
    expect(workingIntervals(nights, [], '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', NY)).toEqual([
      { startsAt: '2026-11-01T05:00:00.000Z', endsAt: '2026-11-01T09:00:00.000Z' },
    ]);
  });

  it('is empty for an empty or backwards window', () => {
    expect(workingIntervals(weekdaysNine, [], '2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z', NY)).toEqual(
      [],
    );
  });
});

describe('a day of the pattern', () => {
  it('knows its weekday', () => {
    expect(weekdayOf('2026-12-01')).toBe(2);
    expect(weekdayOf('2026-12-06')).toBe(7);
  });
  it('merges touching sessions', () => {
    const p: WorkingPattern = {
      sessions: [
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 2, start: '12:00', end: '13:00' },
      ],
    };
    expect(workingRangesOn(p, [], '2026-12-01')).toEqual([[480, 780]]);
  });
});

describe('pattern problems', () => {
  it('names the field of a bad, backwards or overlapping session', () => {
    expect(
      patternProblems([
        { weekday: 1, start: '8:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '11:00' },
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 2, start: '11:00', end: '13:00' },
      ]),
    ).toEqual([
      { path: 'sessions.0.start', message: 'Give a time as HH:MM' },
      { path: 'sessions.1.end', message: 'A session must end after it starts' },
      { path: 'sessions.3.start', message: 'Overlaps the session 08:00–12:00 that day' },
    ]);
  });
});

// The oracle reads each instant's wall clock with Intl alone and asks the pattern: a different route from the code.
const wallParts = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
function worksAt(t: number, pattern: WorkingPattern, exceptions: ExceptionRule[], timeZone: string): boolean {
  const parts = wallParts(timeZone).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  return workingRangesOn(pattern, exceptions, day).some(([a, b]) => a <= minute && minute < b);
}

const transitions = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['Europe/London', '2026-03-29'],
  ['Europe/London', '2026-10-25'],
  ['Australia/Sydney', '2026-04-05'],
  ['Australia/Sydney', '2026-10-04'],
] as const;
const quarter = fc.integer({ min: 0, max: 96 }).map((q) => {
  const m = q * 15;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
});
const sessionArb = fc
  .record({ weekday: fc.integer({ min: 1, max: 7 }), a: quarter, b: quarter })
  .filter(({ a, b }) => a < b)
  .map(({ weekday, a, b }) => ({ weekday: weekday as Weekday, start: a, end: b }));
const dayNear = (day: string) =>
  fc.integer({ min: -2, max: 2 }).map((k) => {
    const d = new Date(`${day}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + k);
    return d.toISOString().slice(0, 10);
  });

describe('working intervals across daylight saving (property)', () => {
  it('cover exactly the instants whose wall clock the pattern and exceptions call working', () => {
    const scenario = fc.constantFrom(...transitions).chain(([zone, day]) =>
      fc.record({
        zone: fc.constant(zone),
        pattern: fc.array(sessionArb, { maxLength: 8 }).map((sessions) => ({ sessions })),
        exceptions: fc.array(
          fc
            .record({
              kind: fc.constantFrom('leave' as const, 'sick' as const, 'training' as const, 'extra' as const),
              d1: dayNear(day),
              d2: dayNear(day),
              part: fc.option(fc.tuple(quarter, quarter).filter(([a, b]) => a < b)),
            })
            .map(({ kind, d1, d2, part }) => ({
              kind,
              fromDay: d1 < d2 ? d1 : d2,
              toDay: d1 < d2 ? d2 : d1,
              start: part?.[0] ?? null,
              end: part?.[1] ?? null,
            })),
          { maxLength: 3 },
        ),
        from: fc.integer({ min: -60, max: 60 }).map((h) => Date.parse(`${day}T12:00:00Z`) + h * 3_600_000),
        hours: fc.integer({ min: 1, max: 72 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ zone, pattern, exceptions, from, hours }) => {
        const to = from + hours * 3_600_000;
        const intervals = workingIntervals(pattern, exceptions, new Date(from), new Date(to), zone);
        const spans = intervals.map((i) => [Date.parse(i.startsAt), Date.parse(i.endsAt)] as const);
        spans.forEach(([a, b], k) => {
          expect(a).toBeLessThan(b);
          expect(a).toBeGreaterThanOrEqual(from);
          expect(b).toBeLessThanOrEqual(to);
          // Sorted, and merged: two intervals never touch.
          if (k > 0) expect(a).toBeGreaterThan(spans[k - 1]![1]);
        });
        for (let t = from; t < to; t += 5 * 60_000) {
          const inside = spans.some(([a, b]) => a <= t && t < b);
          expect(inside, new Date(t).toISOString()).toBe(worksAt(t, pattern, exceptions, zone));
        }
      }),
      { numRuns: 150 },
    );
  });
});
