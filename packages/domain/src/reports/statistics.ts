import type { Answers, Questionnaire } from '../intake/questionnaire';
import { sessionTimes } from '../roster/roster';
import { clinicTime, nextDay, offsetMinutes } from '../shared/time';
import type { Visit } from '../visits/visit';

/** A visit as the statistics read it: its outcome and timestamped status history, nothing about the patient. */
export type ReportVisit = Pick<
  Visit,
  'id' | 'day' | 'appointmentId' | 'providerId' | 'roomId' | 'status' | 'scheduledAt' | 'times'
>;

/** One submitted survey with the questionnaire it answers. */
export type SurveyResponse = { visitId: string; questionnaire: Questionnaire; answers: Answers };

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** When the patient was first at the clinic: checked in, or straight to the waiting room (a walk-in). */
export function arrivalOf(visit: ReportVisit): string | null {
  const { arrived, waiting } = visit.times;
  if (arrived && waiting) return Date.parse(arrived) <= Date.parse(waiting) ? arrived : waiting;
  return arrived ?? waiting ?? null;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `p`% of the values at or below it; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const durationMeasures = ['wait', 'door_to_provider', 'cycle', 'schedule_lateness'] as const;
export type DurationMeasure = (typeof durationMeasures)[number];
export type DurationRow = {
  measure: DurationMeasure;
  visits: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
};

/**
 * Minutes per visit for each measure, for the visits that reached both ends: wait = arrival → in room,
 * door to provider = arrival → with provider, cycle = arrival → checked out, schedule lateness = appointment time →
 * in room (0 when seen early).
 */
export function durationSamples(visits: readonly ReportVisit[]): Record<DurationMeasure, number[]> {
  const samples: Record<DurationMeasure, number[]> = {
    wait: [],
    door_to_provider: [],
    cycle: [],
    schedule_lateness: [],
  };
  for (const v of visits) {
    const arrival = arrivalOf(v);
    const { in_room, with_provider, checked_out } = v.times;
    if (arrival && in_room) samples.wait.push(minutesBetween(arrival, in_room));
    if (arrival && with_provider) samples.door_to_provider.push(minutesBetween(arrival, with_provider));
    if (arrival && checked_out && v.status === 'checked_out')
      samples.cycle.push(minutesBetween(arrival, checked_out));
    if (v.scheduledAt && in_room)
      samples.schedule_lateness.push(Math.max(0, minutesBetween(v.scheduledAt, in_room)));
  }
  return samples;
}

export function durations(visits: readonly ReportVisit[]): DurationRow[] {
  const samples = durationSamples(visits);
  return durationMeasures.map((measure) => ({
    measure,
    visits: samples[measure].length,
    medianMinutes: median(samples[measure]),
    p90Minutes: percentile(samples[measure], 90),
  }));
}

export const outcomeMeasures = ['no_show', 'cancelled', 'left_without_being_seen'] as const;
export type OutcomeMeasure = (typeof outcomeMeasures)[number];
export type OutcomeRow = { outcome: OutcomeMeasure; count: number; outOf: number; rate: number | null };

/**
 * Cancellations out of appointments; no-shows out of appointments not cancelled; left without being seen out of
 * arrivals. A walk-in has no appointment.
 */
export function outcomes(visits: readonly ReportVisit[]): OutcomeRow[] {
  const booked = visits.filter((v) => v.appointmentId !== null);
  const cancelled = booked.filter((v) => v.status === 'cancelled').length;
  const noShows = booked.filter((v) => v.status === 'no_show').length;
  const arrived = visits.filter((v) => arrivalOf(v) !== null);
  const left = arrived.filter((v) => v.status === 'left_without_being_seen').length;
  const row = (outcome: OutcomeMeasure, count: number, outOf: number): OutcomeRow => ({
    outcome,
    count,
    outOf,
    rate: outOf === 0 ? null : count / outOf,
  });
  return [
    row('no_show', noShows, booked.length - cancelled),
    row('cancelled', cancelled, booked.length),
    row('left_without_being_seen', left, arrived.length),
  ];
}

/** The clinic-local wall-clock hour of an instant, "09:00" (a repeated hour when the clocks fall back is one row). */
export function wallHour(instant: string, timezone: string): string {
  const t = Date.parse(instant) + offsetMinutes(new Date(instant), timezone) * 60_000;
  return `${String(new Date(t).getUTCHours()).padStart(2, '0')}:00`;
}

export type HourRow = { hour: string; appointments: number; arrivals: number };

/**
 * Appointments (by their booked time, cancelled ones left out) against arrivals, per clinic-local hour, from the
 * first hour with either to the last, empty hours included.
 */
export function byHour(visits: readonly ReportVisit[], timezone: string): HourRow[] {
  const counts = new Map<number, { appointments: number; arrivals: number }>();
  const add = (instant: string, key: 'appointments' | 'arrivals') => {
    const hour = Number(wallHour(instant, timezone).slice(0, 2));
    const row = counts.get(hour) ?? { appointments: 0, arrivals: 0 };
    row[key] += 1;
    counts.set(hour, row);
  };
  for (const v of visits) {
    if (v.appointmentId !== null && v.scheduledAt && v.status !== 'cancelled')
      add(v.scheduledAt, 'appointments');
    const arrival = arrivalOf(v);
    if (arrival) add(arrival, 'arrivals');
  }
  if (counts.size === 0) return [];
  const hours = [...counts.keys()];
  const rows: HourRow[] = [];
  for (let h = Math.min(...hours); h <= Math.max(...hours); h++) {
    rows.push({
      hour: `${String(h).padStart(2, '0')}:00`,
      ...(counts.get(h) ?? { appointments: 0, arrivals: 0 }),
    });
  }
  return rows;
}

export type DayRow = { day: string; appointments: number; arrivals: number; seen: number };

/** Every day of the period (empty ones too): appointments not cancelled, arrivals and patients seen (checked out). */
export function byDay(visits: readonly ReportVisit[], period: { from: string; to: string }): DayRow[] {
  const rows = new Map<string, DayRow>();
  for (let day = period.from; day <= period.to; day = nextDay(day)) {
    rows.set(day, { day, appointments: 0, arrivals: 0, seen: 0 });
  }
  for (const v of visits) {
    const row = rows.get(v.day);
    if (!row) continue;
    if (v.appointmentId !== null && v.status !== 'cancelled') row.appointments += 1;
    if (arrivalOf(v)) row.arrivals += 1;
    if (v.status === 'checked_out') row.seen += 1;
  }
  return [...rows.values()];
}

/** Minutes the clinic is open on a day: its sessions (morning and afternoon) in wall-clock time. */
export function openMinutes(day: string, timezone: string): number {
  return Object.values(sessionTimes).reduce(
    (sum, s) =>
      sum +
      (clinicTime(day, s.end, timezone).getTime() - clinicTime(day, s.start, timezone).getTime()) / 60_000,
    0,
  );
}

export type UtilizationRow = {
  id: string;
  name: string;
  busyMinutes: number;
  openMinutes: number;
  utilization: number | null;
};

/**
 * Busy minutes against open minutes on the days in use. A room is busy from in room to checked out; a provider from
 * the start of the consultation to check-out. A room counts the days the clinic saw anyone; a provider the days they
 * had a patient arrive.
 */
export function utilization(input: {
  visits: readonly ReportVisit[];
  timezone: string;
  rooms: readonly { id: string; name: string }[];
  providers: readonly { id: string; name: string }[];
}): { rooms: UtilizationRow[]; providers: UtilizationRow[] } {
  const { visits, timezone } = input;
  const arrivedVisits = visits.filter((v) => arrivalOf(v) !== null);
  const clinicDays = new Set(arrivedVisits.map((v) => v.day));
  const open = (days: Iterable<string>) => [...days].reduce((sum, d) => sum + openMinutes(d, timezone), 0);
  const clinicOpen = open(clinicDays);
  const row = (id: string, name: string, busy: number, openMins: number): UtilizationRow => ({
    id,
    name,
    busyMinutes: busy,
    openMinutes: openMins,
    utilization: openMins === 0 ? null : busy / openMins,
  });
  const finished = visits.filter((v) => v.status === 'checked_out' && v.times.checked_out);
  const rooms = input.rooms.map((r) => {
    const busy = finished
      .filter((v) => v.roomId === r.id && v.times.in_room)
      .reduce((sum, v) => sum + minutesBetween(v.times.in_room!, v.times.checked_out!), 0);
    return row(r.id, r.name, busy, clinicOpen);
  });
  const providers = input.providers.map((p) => {
    const busy = finished
      .filter((v) => v.providerId === p.id && v.times.with_provider)
      .reduce((sum, v) => sum + minutesBetween(v.times.with_provider!, v.times.checked_out!), 0);
    const days = new Set(arrivedVisits.filter((v) => v.providerId === p.id).map((v) => v.day));
    return row(p.id, p.name, busy, open(days));
  });
  return { rooms, providers };
}

export type SatisfactionRow = {
  question: string;
  text: string;
  responses: number;
  averageScore: number | null;
  maxScore: number;
};

/** The score a question's answer gives: a numeric choice's value, a scale's number, yes = 1 and no = 0. */
function scoreOf(
  question: Questionnaire['items'][number],
  value: unknown,
): { score: number; max: number } | null {
  if (question.type === 'boolean' && typeof value === 'boolean') return { score: value ? 1 : 0, max: 1 };
  if (question.type === 'scale' && typeof value === 'number')
    return { score: value, max: question.max ?? 10 };
  if (question.type === 'choice' && typeof value === 'string') {
    const numbers = (question.options ?? []).map((o) => Number(o.value));
    if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n))) return null;
    return { score: Number(value), max: Math.max(...numbers) };
  }
  return null;
}

/** Average score per scored survey question (numeric choices, scales, yes/no), in the questionnaire's order. */
export function satisfaction(responses: readonly SurveyResponse[]): SatisfactionRow[] {
  const rows = new Map<string, SatisfactionRow & { total: number }>();
  for (const r of responses) {
    for (const q of r.questionnaire.items) {
      const key = `${r.questionnaire.key}.${q.id}`;
      const scored = scoreOf(q, r.answers[q.id]);
      const scorable = scoreOf(
        q,
        q.type === 'boolean' ? true : q.type === 'scale' ? 0 : q.options?.[0]?.value,
      );
      if (!scorable) continue;
      const row = rows.get(key) ?? {
        question: key,
        text: q.text.en,
        responses: 0,
        averageScore: null,
        maxScore: scorable.max,
        total: 0,
      };
      if (scored) {
        row.responses += 1;
        row.total += scored.score;
        row.averageScore = row.total / row.responses;
      }
      rows.set(key, row);
    }
  }
  return [...rows.values()].map(({ total: _, ...row }) => row);
}
