import { weekdayCodes, type Recurrence, type WeekdayCode } from '@clinicflow/domain';

/** The booking panel's "Repeat" choice as the desk fills it in. */
export type Repeat = {
  kind: 'none' | 'weekly' | 'weeks' | 'monthly';
  interval: number;
  weekdays: WeekdayCode[];
  monthlyBy: Recurrence['monthlyBy'];
  end: 'count' | 'until';
  count: number;
  until: string;
};

export const weekdayOf = (day: string): WeekdayCode =>
  weekdayCodes[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;

/** Which of its weekday the day is in its month: 1 to 4, or 5 for "last". */
export const nthInMonth = (day: string): number => Math.ceil(Number(day.slice(8, 10)) / 7);

export function noRepeat(day: string): Repeat {
  return {
    kind: 'none',
    interval: 2,
    weekdays: [weekdayOf(day)],
    monthlyBy: 'day',
    end: 'count',
    count: 10,
    until: '',
  };
}

/** The rule to send, or null for a single appointment. */
export function toRecurrence(r: Repeat): Recurrence | null {
  if (r.kind === 'none') return null;
  return {
    frequency: r.kind === 'monthly' ? 'monthly' : 'weekly',
    interval: r.kind === 'weeks' ? r.interval : 1,
    weekdays: r.kind === 'monthly' ? [] : r.weekdays,
    monthlyBy: r.monthlyBy,
    until: r.end === 'until' ? r.until : null,
    count: r.end === 'count' ? r.count : null,
  };
}
