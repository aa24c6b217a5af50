import * as rruleModule from 'rrule';
import { clinicTime } from '../shared/time';

// NOTE: rrule's Node entry is a UMD bundle without named ESM exports; bundlers read its ESM build instead.
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];
export const recurrenceFrequencies = ['weekly', 'monthly'] as const;
export const monthlyKinds = ['day', 'weekday'] as const;

/** At most this many occurrences in one series. */
export const maxOccurrences = 52;

export type Recurrence = {
  frequency: (typeof recurrenceFrequencies)[number];
  /** Every N weeks or months. */
  interval: number;
  /** Weekly: the days it falls on (empty: the first day's weekday). */
  weekdays: WeekdayCode[];
  /** Monthly: the first day's date (the 14th) or its weekday in the month (the 2nd Tuesday; a 5th is "last"). */
  monthlyBy: (typeof monthlyKinds)[number];
  /** The last clinic-local day it may fall on (inclusive), or how many times: exactly one of the two. */
  until: string | null;
  count: number | null;
};

/** A series' occurrences come from its rule, first day, local time of day and length. */
export type SeriesPattern = {
  rule: Recurrence;
  firstDay: string;
  time: string;
  durationMinutes: number;
  timezone: string;
};

export type Occurrence = { index: number; day: string; startsAt: string; endsAt: string };

const floating = (day: string, hhmm = '00:00') => {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
};
const weekdayOf = (day: string): WeekdayCode => weekdayCodes[(floating(day).getUTCDay() + 6) % 7]!;

/** The clinic-local days the rule falls on, from the first day on, at most `limit` of them. */
function ruleDays(rule: Recurrence, firstDay: string, limit: number): string[] {
  // A series split at its first occurrence keeps none (rrule reads a count of 0 as "no count").
  if (rule.count === 0) return [];
  // Expanded in floating wall time (UTC fields = local fields): rrule's own TZID handling shifts times across
  // daylight-saving changes (jkbrzt/rrule#355, #611), so the zone is applied per day afterwards.
  const start = floating(firstDay);
  const byDay = (code: WeekdayCode) => RRule[code];
  const nth = Math.ceil(start.getUTCDate() / 7);
  const options =
    rule.frequency === 'weekly'
      ? {
          freq: RRule.WEEKLY,
          byweekday: (rule.weekdays.length ? rule.weekdays : [weekdayOf(firstDay)]).map(byDay),
        }
      : rule.monthlyBy === 'day'
        ? { freq: RRule.MONTHLY, bymonthday: [start.getUTCDate()] }
        : {
            freq: RRule.MONTHLY,
            byweekday: [byDay(weekdayOf(firstDay)).nth(nth === 5 ? -1 : nth)],
          };
  const until = rule.until ? new Date(floating(rule.until).getTime() + 86_400_000 - 1) : null;
  const set = new RRule({
    ...options,
    interval: rule.interval,
    wkst: RRule.MO,
    dtstart: start,
    ...(until ? { until } : {}),
    ...(rule.count !== null ? { count: rule.count } : {}),
  });
  return set.all((_, i) => i < limit).map((d) => d.toISOString().slice(0, 10));
}

/**
 * Every occurrence of a series: on the rule's days, each at the same clinic-local time of day whatever the
 * daylight-saving offset (a time the clock skips lands just after the jump). At most 52.
 */
export function expandSeries(pattern: SeriesPattern): Occurrence[] {
  return ruleDays(pattern.rule, pattern.firstDay, maxOccurrences).map((day, index) => {
    const startsAt = clinicTime(day, pattern.time, pattern.timezone);
    return {
      index,
      day,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + pattern.durationMinutes * 60_000).toISOString(),
    };
  });
}

/** What is wrong with a rule for a series starting on `firstDay`, at the field the desk typed; null if nothing. */
export function recurrenceProblem(
  rule: Recurrence,
  firstDay: string,
): { path: string; message: string } | null {
  if ((rule.until === null) === (rule.count === null))
    return { path: 'recurrence.until', message: 'End the series on a date or after a number of times.' };
  if (rule.count !== null && (rule.count < 2 || rule.count > maxOccurrences))
    return { path: 'recurrence.count', message: `A series has 2 to ${maxOccurrences} occurrences.` };
  if (rule.until !== null && rule.until < firstDay)
    return { path: 'recurrence.until', message: 'The series must end on or after its first day.' };
  const days = ruleDays(rule, firstDay, maxOccurrences + 1);
  if (days.length > maxOccurrences)
    return {
      path: 'recurrence.until',
      message: `At most ${maxOccurrences} occurrences: end the series earlier or repeat less often.`,
    };
  if (days.length < 2)
    return { path: 'recurrence.until', message: 'This rule and end give fewer than two occurrences.' };
  return null;
}

/** A weekly rule moved from one day to another keeps its shape: its weekdays shift by the same number of days. */
export function shiftRule(rule: Recurrence, fromDay: string, toDay: string): Recurrence {
  if (rule.frequency !== 'weekly' || !rule.weekdays.length) return rule;
  const delta = Math.round((floating(toDay).getTime() - floating(fromDay).getTime()) / 86_400_000);
  const shifted = rule.weekdays.map((w) => weekdayCodes[(((weekdayCodes.indexOf(w) + delta) % 7) + 7) % 7]!);
  return { ...rule, weekdays: [...new Set(shifted)] };
}

/** A recurring booking as stored: who, with whom, where, and the pattern its occurrences come from. */
export type AppointmentSeries = {
  id: string;
  clinicId: string;
  patientId: string;
  providerId: string;
  roomId: string | null;
  rule: Recurrence;
  timezone: string;
  firstDay: string;
  startTime: string;
  durationMinutes: number;
  reason: string | null;
  splitFrom: string | null;
};

export const patternOf = (s: AppointmentSeries): SeriesPattern => ({
  rule: s.rule,
  firstDay: s.firstDay,
  time: s.startTime,
  durationMinutes: s.durationMinutes,
  timezone: s.timezone,
});
