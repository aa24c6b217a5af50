import { clinicDay, clinicTime, nextDay, offsetMinutes } from '../shared/time';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof weekdays)[number];

/** One session of the weekly pattern, in the clinic's wall-clock time ("08:00"–"12:00"; "24:00" ends at midnight). */
export type WorkingSession = { weekday: Weekday; start: string; end: string };
export type WorkingPattern = { sessions: readonly WorkingSession[] };

/** Away (leave, sick, training) takes time off the pattern; extra adds a session (a Saturday clinic). */
export const exceptionKinds = ['leave', 'sick', 'training', 'extra'] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/** From one clinic day to another (inclusive); whole days when start and end are null, else that part of each. */
export type RosterException = {
  id: string;
  staffId: string;
  kind: ExceptionKind;
  fromDay: string;
  toDay: string;
  start: string | null;
  end: string | null;
  note: string | null;
};
export type ExceptionRule = Pick<RosterException, 'kind' | 'fromDay' | 'toDay' | 'start' | 'end'>;

export type WorkingInterval = { startsAt: string; endsAt: string };
/** Minutes after a day's wall-clock midnight, half-open. */
type Range = [number, number];

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const isWallTime = (value: string): boolean => hhmm.test(value);
export const wallMinutesOf = (value: string): number =>
  Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** The ISO weekday of a calendar day (YYYY-MM-DD). */
export function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1) as Weekday;
}

function union(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(ranges: Range[], cut: Range): Range[] {
  return ranges.flatMap(
    ([a, b]): Range[] =>
      [
        [a, Math.min(b, cut[0])],
        [Math.max(a, cut[1]), b],
      ].filter(([x, y]) => x! < y!) as Range[],
  );
}

const exceptionRange = (e: ExceptionRule): Range =>
  e.start && e.end ? [wallMinutesOf(e.start), wallMinutesOf(e.end)] : [0, 24 * 60];

/** The wall-clock ranges someone works on one day: the pattern, plus extra sessions, minus any time away. */
export function workingRangesOn(
  pattern: WorkingPattern,
  exceptions: readonly ExceptionRule[],
  day: string,
): Range[] {
  const weekday = weekdayOf(day);
  const today = exceptions.filter((e) => e.fromDay <= day && day <= e.toDay);
  let ranges = union([
    ...pattern.sessions
      .filter((s) => s.weekday === weekday)
      .map((s): Range => [wallMinutesOf(s.start), wallMinutesOf(s.end)]),
    ...today.filter((e) => e.kind === 'extra').map(exceptionRange),
  ]);
  // Away wins over extra: someone on leave is not working, whatever else was planned.
  for (const e of today) if (e.kind !== 'extra') ranges = subtract(ranges, exceptionRange(e));
  return ranges;
}

const minute = 60_000;

/**
 * A clinic day as stretches of constant UTC offset: one, or two on the day the clocks change. Each carries the
 * offset, so a wall-clock minute maps to exactly the instants that show it (none in a skipped hour, two in a
 * repeated one).
 */
function dayPieces(day: string, timeZone: string): { from: number; to: number; offset: number }[] {
  const from = clinicTime(day, '00:00', timeZone).getTime();
  const to = clinicTime(nextDay(day), '00:00', timeZone).getTime();
  const first = offsetMinutes(new Date(from), timeZone);
  const last = offsetMinutes(new Date(to - minute), timeZone);
  if (first === last) return [{ from, to, offset: first }];
  // Clocks change on minute boundaries: find the first minute on the new offset.
  let lo = from;
  let hi = to - minute;
  while (hi - lo > minute) {
    const mid = lo + Math.floor((hi - lo) / minute / 2) * minute;
    if (offsetMinutes(new Date(mid), timeZone) === first) lo = mid;
    else hi = mid;
  }
  return [
    { from, to: hi, offset: first },
    { from: hi, to, offset: last },
  ];
}

/**
 * When someone works between two instants, as UTC intervals: their weekly pattern in the clinic's time zone with
 * the exceptions applied, correct across daylight saving changes. Sorted, disjoint, clipped to [from, to); these
 * are a provider's availability windows for finding a slot.
 */
// NOTE: positional arguments because the scheduling module's find-slot calls it under this exact signature.
export function workingIntervals(
  pattern: WorkingPattern,
  exceptions: readonly ExceptionRule[],
  from: Date | string,
  to: Date | string,
  timeZone: string,
): WorkingInterval[] {
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  if (!(start < end)) return [];
  const found: [number, number][] = [];
  // The day before too: its last minutes may fall inside the window in another offset.
  let day = clinicDay(new Date(start - 86_400_000), timeZone);
  const lastDay = clinicDay(new Date(end), timeZone);
  for (; day <= lastDay; day = nextDay(day)) {
    const ranges = workingRangesOn(pattern, exceptions, day);
    if (ranges.length === 0) continue;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const wallMidnight = Date.UTC(y, m - 1, d);
    for (const piece of dayPieces(day, timeZone)) {
      const wallOf = (t: number) => (t + piece.offset * minute - wallMidnight) / minute;
      const instantOf = (w: number) => wallMidnight + w * minute - piece.offset * minute;
      const [pieceFrom, pieceTo] = [wallOf(piece.from), wallOf(piece.to)];
      for (const [a, b] of ranges) {
        const lo = Math.max(a, pieceFrom);
        const hi = Math.min(b, pieceTo);
        if (lo < hi) found.push([Math.max(instantOf(lo), start), Math.min(instantOf(hi), end)]);
      }
    }
  }
  return mergeInstants(found).map(([a, b]) => ({
    startsAt: new Date(a).toISOString(),
    endsAt: new Date(b).toISOString(),
  }));
}

function mergeInstants(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges.filter(([x, y]) => x < y).sort((p, q) => p[0] - q[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** What is wrong with a weekly pattern, at the field the user typed: bad times, a session ending before it starts, two that overlap. */
export function patternProblems(sessions: readonly WorkingSession[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  sessions.forEach((s, i) => {
    if (!isWallTime(s.start)) problems.push({ path: `sessions.${i}.start`, message: 'Give a time as HH:MM' });
    else if (!isWallTime(s.end))
      problems.push({ path: `sessions.${i}.end`, message: 'Give a time as HH:MM' });
    else if (wallMinutesOf(s.start) >= wallMinutesOf(s.end))
      problems.push({ path: `sessions.${i}.end`, message: 'A session must end after it starts' });
    else {
      const clash = sessions.findIndex(
        (o, j) =>
          j < i &&
          o.weekday === s.weekday &&
          wallMinutesOf(o.start) < wallMinutesOf(s.end) &&
          wallMinutesOf(s.start) < wallMinutesOf(o.end),
      );
      if (clash >= 0)
        problems.push({
          path: `sessions.${i}.start`,
          message: `Overlaps the session ${sessions[clash]!.start}–${sessions[clash]!.end} that day`,
        });
    }
  });
  return problems;
}
