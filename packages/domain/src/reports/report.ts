import { nextDay } from '../shared/time';
import {
  byDay,
  byHour,
  durations,
  outcomes,
  satisfaction,
  utilization,
  type DayRow,
  type DurationRow,
  type HourRow,
  type OutcomeRow,
  type ReportVisit,
  type SatisfactionRow,
  type SurveyResponse,
  type UtilizationRow,
} from './statistics';

/** A period of clinic days, both ends included (YYYY-MM-DD). */
export type Period = { from: string; to: string };

/** The longest period one report covers: a year, leap day included. */
export const maxPeriodDays = 366;

const dayMs = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / dayMs;
const dayOf = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);

export function periodDays(period: Period): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** The period of the same length just before this one: what "compared with the previous period" means. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: dayOf(dayNumber(period.from) - days), to: dayOf(dayNumber(period.from) - 1) };
}

/** Why a report cannot cover this period (the field and the words), or null. */
export function periodProblem(period: Period): { path: 'from' | 'to'; message: string } | null {
  if (period.to < period.from) return { path: 'to', message: 'The period ends before it starts' };
  if (periodDays(period) > maxPeriodDays)
    return { path: 'to', message: `A report covers at most ${maxPeriodDays} days` };
  return null;
}

/** The days of a period in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = nextDay(day)) days.push(day);
  return days;
}

export const headlineFigures = [
  'appointments',
  'arrivals',
  'seen',
  'wait_median',
  'wait_p90',
  'door_to_provider_median',
  'cycle_median',
  'schedule_lateness_median',
  'no_show_rate',
  'cancellation_rate',
  'left_without_being_seen_rate',
  'room_utilization',
  'provider_utilization',
  'satisfaction',
] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

export type PeriodReport = Period & {
  timezone: string;
  headline: Record<HeadlineFigure, number | null>;
  byHour: HourRow[];
  byDay: DayRow[];
  durations: DurationRow[];
  outcomes: OutcomeRow[];
  rooms: UtilizationRow[];
  providers: UtilizationRow[];
  satisfaction: SatisfactionRow[];
};

/** Busy minutes over open minutes, summed across rows: the clinic-wide share. */
function overall(rows: readonly UtilizationRow[]): number | null {
  const open = rows.reduce((s, r) => s + r.openMinutes, 0);
  return open === 0 ? null : rows.reduce((s, r) => s + r.busyMinutes, 0) / open;
}

/** Every statistic of one period, from that period's visits (by clinic day) and surveys. */
export function buildReport(input: {
  period: Period;
  timezone: string;
  visits: readonly ReportVisit[];
  rooms: readonly { id: string; name: string }[];
  providers: readonly { id: string; name: string }[];
  surveys: readonly SurveyResponse[];
}): PeriodReport {
  const { period, timezone } = input;
  const visits = input.visits.filter((v) => v.day >= period.from && v.day <= period.to);
  const days = byDay(visits, period);
  const times = durations(visits);
  const rates = outcomes(visits);
  // Rows by name, so every caller (the server's database, a console's board) lists them alike.
  const byName = (a: { id: string; name: string }, b: { id: string; name: string }) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const use = utilization({
    visits,
    timezone,
    rooms: [...input.rooms].sort(byName),
    providers: [...input.providers].sort(byName),
  });
  const scores = satisfaction(input.surveys);
  const duration = (m: DurationRow['measure']) => times.find((d) => d.measure === m)!;
  const rate = (o: OutcomeRow['outcome']) => rates.find((r) => r.outcome === o)!.rate;
  const total = (key: 'appointments' | 'arrivals' | 'seen') => days.reduce((s, d) => s + d[key], 0);
  return {
    ...period,
    timezone,
    headline: {
      appointments: total('appointments'),
      arrivals: total('arrivals'),
      seen: total('seen'),
      wait_median: duration('wait').medianMinutes,
      wait_p90: duration('wait').p90Minutes,
      door_to_provider_median: duration('door_to_provider').medianMinutes,
      cycle_median: duration('cycle').medianMinutes,
      schedule_lateness_median: duration('schedule_lateness').medianMinutes,
      no_show_rate: rate('no_show'),
      cancellation_rate: rate('cancelled'),
      left_without_being_seen_rate: rate('left_without_being_seen'),
      room_utilization: overall(use.rooms),
      provider_utilization: overall(use.providers),
      // The survey's first scored question is its overall verdict.
      satisfaction: scores.find((s) => s.maxScore > 1)?.averageScore ?? null,
    },
    byHour: byHour(visits, timezone),
    byDay: days,
    durations: times,
    outcomes: rates,
    rooms: use.rooms,
    providers: use.providers,
    satisfaction: scores,
  };
}

export type ComparisonRow = {
  figure: HeadlineFigure;
  current: number | null;
  previous: number | null;
  change: number | null;
};

/** Each headline figure beside the previous period's, with the difference (current − previous). */
export function compareReports(current: PeriodReport, previous: PeriodReport): ComparisonRow[] {
  return headlineFigures.map((figure) => {
    const a = current.headline[figure];
    const b = previous.headline[figure];
    return { figure, current: a, previous: b, change: a === null || b === null ? null : a - b };
  });
}
