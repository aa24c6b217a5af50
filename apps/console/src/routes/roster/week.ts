import { nextDay, weekdayOf } from '@clinicflow/domain';

/** The Monday of the week a day falls in (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysFrom(first: string, count: number): string[] {
  const out = [first];
  while (out.length < count) out.push(nextDay(out[out.length - 1]!));
  return out;
}

export const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
