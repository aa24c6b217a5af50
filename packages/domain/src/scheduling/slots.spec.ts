import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { intervalsOverlap } from './appointment';
import { bookingProblem, nearestFreeSlots } from './slots';

const t = (hhmm: string) => `2026-12-01T${hhmm}:00.000Z`;
const slot = (a: string, b: string) => ({ startsAt: t(a), endsAt: t(b) });
const day = slot('08:00', '18:00');

describe('nearestFreeSlots', () => {
  it('offers the free slots nearest the one asked for', () => {
    const busy = [slot('10:00', '10:30'), slot('10:30', '11:00')];
    expect(nearestFreeSlots({ wanted: slot('10:00', '10:30'), busy, windows: [day] })).toEqual([
      slot('09:30', '10:00'),
      slot('09:15', '09:45'),
      slot('11:00', '11:30'),
    ]);
  });

  it('prefers the later slot when two are as near', () => {
    const busy = [slot('10:00', '10:30')];
    expect(nearestFreeSlots({ wanted: slot('10:00', '10:30'), busy, windows: [day], count: 2 })).toEqual([
      slot('10:30', '11:00'),
      slot('09:30', '10:00'),
    ]);
  });

  it('stays inside the window', () => {
    const window = slot('09:00', '10:00');
    const found = nearestFreeSlots({
      wanted: slot('09:00', '09:30'),
      busy: [slot('09:00', '09:30')],
      windows: [window],
    });
    expect(found).toEqual([slot('09:30', '10:00')]);
  });

  it('property: every slot offered is free, inside the window, as long as asked, and at most `count`', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 })), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (bookings, at, quarters) => {
          const q = (n: number) => new Date(Date.parse(day.startsAt) + n * 15 * 60_000).toISOString();
          const busy = bookings.map(([s, l]) => ({ startsAt: q(s), endsAt: q(s + l) }));
          const wanted = { startsAt: q(at), endsAt: q(at + quarters) };
          const found = nearestFreeSlots({ wanted, busy, windows: [day], count: 3 });
          expect(found.length).toBeLessThanOrEqual(3);
          for (const s of found) {
            expect(busy.some((b) => intervalsOverlap(s, b))).toBe(false);
            expect(s.startsAt >= day.startsAt && s.endsAt <= day.endsAt).toBe(true);
            expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(quarters * 15 * 60_000);
          }
        },
      ),
    );
  });
});

describe('bookingProblem', () => {
  const now = new Date(t('09:00'));
  it('refuses a time that ends before it starts, lasts over 12 hours, or has passed', () => {
    expect(bookingProblem(slot('10:00', '09:30'), now)).toMatch(/end after it starts/);
    expect(bookingProblem({ startsAt: t('08:00'), endsAt: '2026-12-02T08:01:00.000Z' }, now)).toMatch(
      /12 hours/,
    );
    expect(bookingProblem(slot('08:00', '08:30'), now)).toMatch(/passed/);
  });
  it('accepts a future time of a sensible length, and one already under way', () => {
    expect(bookingProblem(slot('10:00', '10:30'), now)).toBeNull();
    expect(bookingProblem(slot('08:45', '09:15'), now)).toBeNull();
  });
});
