import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExceptionRule, Weekday, WorkingPattern } from '../roster/working-hours';
import { clinicTime } from '../shared/time';
import { bookableWindows, outsideHoursProblem, type ProviderHours } from './bookable-hours';
import { findSlots } from './find-slot';

const NY = 'America/New_York';
// Dr. Feld: Tuesday to Friday, 09:00–13:00 and 14:00–18:00.
const feld: WorkingPattern = {
  sessions: ([2, 3, 4, 5] as Weekday[]).flatMap((weekday) => [
    { weekday, start: '09:00', end: '13:00' },
    { weekday, start: '14:00', end: '18:00' },
  ]),
};
const rostered = (exceptions: ExceptionRule[] = []): ProviderHours => ({
  rostered: true,
  pattern: feld,
  exceptions,
});
const slot = (day: string, from: string, to: string, tz = NY) => ({
  startsAt: clinicTime(day, from, tz).toISOString(),
  endsAt: clinicTime(day, to, tz).toISOString(),
});
const problem = (hours: ProviderHours, s: { startsAt: string; endsAt: string }, tz = NY) =>
  outsideHoursProblem({ slot: s, hours, name: 'Dr. Feld', timezone: tz });

describe('bookable hours', () => {
  it('accept a slot inside a session and say the day’s hours for one outside', () => {
    // 1 Dec 2026 is a Tuesday.
    expect(problem(rostered(), slot('2026-12-01', '09:00', '09:30'))).toBeNull();
    expect(problem(rostered(), slot('2026-12-01', '12:45', '13:15'))).toBe(
      'Dr. Feld works 09:00–13:00 and 14:00–18:00 on Tuesdays.',
    );
    expect(problem(rostered(), slot('2026-11-30', '10:00', '10:30'))).toBe(
      'Dr. Feld does not work on Mondays.',
    );
  });

  it('name leave, sickness and training on the date, and the hours left on a part day', () => {
    const leave = rostered([
      { kind: 'leave', fromDay: '2026-12-02', toDay: '2026-12-04', start: null, end: null },
    ]);
    expect(problem(leave, slot('2026-12-03', '10:00', '10:30'))).toBe('Dr. Feld is on leave on 3 December.');
    const training = rostered([
      { kind: 'training', fromDay: '2026-12-01', toDay: '2026-12-01', start: '14:00', end: '18:00' },
    ]);
    expect(problem(training, slot('2026-12-01', '15:00', '15:30'))).toBe(
      'Dr. Feld is at training 14:00–18:00 on 1 December; they work 09:00–13:00 that day.',
    );
    expect(problem(training, slot('2026-12-01', '10:00', '10:30'))).toBeNull();
  });

  it('count an extra session, and say that day’s hours by its date', () => {
    const saturday = rostered([
      { kind: 'extra', fromDay: '2026-12-05', toDay: '2026-12-05', start: '09:00', end: '12:00' },
    ]);
    expect(problem(saturday, slot('2026-12-05', '09:00', '09:30'))).toBeNull();
    expect(problem(saturday, slot('2026-12-05', '12:00', '12:30'))).toBe(
      'Dr. Feld works 09:00–12:00 on Saturday 5 December.',
    );
  });

  it('fall back to the clinic’s opening hours while nobody rostered the provider', () => {
    const none: ProviderHours = { rostered: false };
    expect(problem(none, slot('2026-12-01', '08:00', '08:30'))).toBeNull();
    expect(problem(none, slot('2026-12-05', '10:00', '10:30'))).toMatch(
      /opening hours: 08:00–18:00, Monday to Friday/,
    );
  });

  it('property: across DST changes in three zones, every slot find-slot offers can be booked, and a booking is accepted exactly when it lies inside a window', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
    // Weeks around each zone's clock changes in 2026.
    const starts = ['2026-03-05', '2026-03-26', '2026-04-02', '2026-10-01', '2026-10-22', '2026-10-29'];
    const session = fc
      .record({
        weekday: fc.integer({ min: 1, max: 7 }),
        start: fc.integer({ min: 0, max: 22 }),
        hours: fc.integer({ min: 1, max: 6 }),
      })
      .map((s) => ({
        weekday: s.weekday as Weekday,
        start: `${String(s.start).padStart(2, '0')}:00`,
        end: `${String(Math.min(24, s.start + s.hours)).padStart(2, '0')}:00`,
      }));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...starts),
        fc.array(session, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 7 * 24 * 4 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        (tz, first, sessions, leave, quarter, quarters) => {
          const pattern = {
            sessions: sessions.filter((s, i) => !sessions.slice(0, i).some((o) => o.weekday === s.weekday)),
          };
          const exceptions: ExceptionRule[] = leave
            ? [{ kind: 'leave', fromDay: first, toDay: first, start: null, end: null }]
            : [];
          const hours: ProviderHours = { rostered: true, pattern, exceptions };
          const from = clinicTime(first, '00:00', tz);
          const to = new Date(from.getTime() + 7 * 86_400_000);
          const windows = bookableWindows(hours, from, to, tz);
          const offered = findSlots({
            durationMinutes: quarters * 15,
            buffers: { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
            earliest: from,
            providers: [{ id: 'p', windows }],
            roomIds: null,
            busy: [],
            count: 20,
          });
          for (const o of offered)
            expect(outsideHoursProblem({ slot: o, hours, name: 'Dr. Feld', timezone: tz })).toBeNull();
          const s = from.getTime() + quarter * 15 * 60_000;
          const asked = {
            startsAt: new Date(s).toISOString(),
            endsAt: new Date(s + quarters * 15 * 60_000).toISOString(),
          };
          const inside = windows.some(
            (w) => Date.parse(w.startsAt) <= s && s + quarters * 15 * 60_000 <= Date.parse(w.endsAt),
          );
          const said = outsideHoursProblem({ slot: asked, hours, name: 'Dr. Feld', timezone: tz });
          // The week's last day may reach past `to`: only slots well inside the week are compared.
          if (s + quarters * 15 * 60_000 <= to.getTime() - 86_400_000) expect(said === null).toBe(inside);
          if (said !== null) expect(said).toMatch(/^Dr\. Feld /);
        },
      ),
      { numRuns: 300 },
    );
  });
});
