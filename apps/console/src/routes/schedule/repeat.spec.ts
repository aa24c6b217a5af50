import { describe, expect, it } from 'vitest';
import { noRepeat, nthInMonth, toRecurrence, weekdayOf } from './repeat';

describe('the Repeat choice', () => {
  it('starts as no repeat, on the booking day’s weekday', () => {
    expect(toRecurrence(noRepeat('2026-12-01'))).toBeNull();
    expect(weekdayOf('2026-12-01')).toBe('TU');
    expect(nthInMonth('2026-12-08')).toBe(2);
  });

  it('sends every N weeks with its interval and a monthly rule without weekdays', () => {
    const r = noRepeat('2026-12-01');
    expect(toRecurrence({ ...r, kind: 'weeks', interval: 3 })).toMatchObject({
      interval: 3,
      weekdays: ['TU'],
    });
    expect(toRecurrence({ ...r, kind: 'weekly', interval: 3 })).toMatchObject({ interval: 1 });
    expect(
      toRecurrence({ ...r, kind: 'monthly', monthlyBy: 'weekday', end: 'until', until: '2027-06-30' }),
    ).toEqual({
      frequency: 'monthly',
      interval: 1,
      weekdays: [],
      monthlyBy: 'weekday',
      until: '2027-06-30',
      count: null,
    });
  });
});
