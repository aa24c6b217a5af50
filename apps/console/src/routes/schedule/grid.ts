import { clinicTime } from '@clinicflow/domain';

/** The day's time grid on the clinic's wall clock: minutes after local midnight, and the slot size. */
export type Grid = { startMinutes: number; endMinutes: number; slotMinutes: number };
export const dayGrid: Grid = { startMinutes: 7 * 60, endMinutes: 19 * 60, slotMinutes: 15 };

/** The lengths the desk books, in minutes. */
export const durations = [15, 30, 45, 60] as const;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function wallParts(instant: Date, timezone: string): { dayMs: number; minutes: number } {
  let format = partsFormat.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partsFormat.set(timezone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    dayMs: Date.UTC(get('year'), get('month') - 1, get('day')),
    minutes: get('hour') * 60 + get('minute'),
  };
}

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * Where an instant falls on `day`'s wall clock in the clinic's zone, in minutes after midnight: negative on the day
 * before, 1440 and more on the day after. Wall-clock minutes, so 09:00 is 540 on the days the clocks change too.
 */
export function wallMinutes(iso: string, day: string, timezone: string): number {
  const wall = wallParts(new Date(iso), timezone);
  return Math.round((wall.dayMs - dayMs(day)) / 60_000) + wall.minutes;
}

/** The instant of `minutes` after midnight on the clinic's wall clock that day (ISO, UTC). */
export function instantAt(day: string, minutes: number, timezone: string): string {
  const hhmm = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  return clinicTime(day, hhmm, timezone).toISOString();
}

/** The calendar day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD that is a real calendar day. */
export function isDay(text: string | null): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(dayMs(text)).toISOString().startsWith(text);
}

/** Every slot's start, in minutes after midnight. */
export function slotStarts(grid: Grid): number[] {
  const starts: number[] = [];
  for (let m = grid.startMinutes; m < grid.endMinutes; m += grid.slotMinutes) starts.push(m);
  return starts;
}

/** The CSS grid row (1 = the first slot) of the slot that holds `minutes`, clamped to the grid. */
export function rowOf(minutes: number, grid: Grid): number {
  const rows = (grid.endMinutes - grid.startMinutes) / grid.slotMinutes;
  const row = Math.floor((minutes - grid.startMinutes) / grid.slotMinutes) + 1;
  return Math.min(Math.max(row, 1), rows);
}

export type Span = { start: number; end: number };

/**
 * The rows a block covers (`rowEnd` exclusive, as `grid-row: rowStart / rowEnd` wants), and whether it runs on
 * before or after the grid; null when it lies wholly outside it.
 */
export function blockRows(
  span: Span,
  grid: Grid,
): { rowStart: number; rowEnd: number; before: boolean; after: boolean } | null {
  if (span.end <= grid.startMinutes || span.start >= grid.endMinutes) return null;
  const rowStart = rowOf(span.start, grid);
  const last = Math.max(span.start, Math.min(span.end, grid.endMinutes) - 1);
  return {
    rowStart,
    rowEnd: Math.max(rowOf(last, grid) + 1, rowStart + 1),
    before: span.start < grid.startMinutes,
    after: span.end > grid.endMinutes,
  };
}

/**
 * Side-by-side places for blocks of one column that overlap (a cancelled appointment under the one booked in
 * its place): each block gets a lane, and the number of lanes of the group of blocks it overlaps, directly or
 * through others. Blocks that touch end to start do not overlap.
 */
export function lanes<T extends Span & { id: string }>(
  blocks: readonly T[],
): Map<string, { lane: number; lanes: number }> {
  const placed = new Map<string, { lane: number; lanes: number }>();
  const sorted = [...blocks].sort((a, b) => a.start - b.start || b.end - a.end);
  let group: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const member of group) placed.set(member.id, { lane: member.lane, lanes: laneEnds.length });
    group = [];
    laneEnds = [];
  };
  for (const block of sorted) {
    if (block.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= block.start);
    if (lane === -1) lane = laneEnds.push(block.end) - 1;
    else laneEnds[lane] = block.end;
    group.push({ id: block.id, lane });
    groupEnd = Math.max(groupEnd, block.end);
  }
  close();
  return placed;
}

/** The slots no busy span touches: where a booking can start. */
export function freeSlots(grid: Grid, busy: readonly Span[]): Set<number> {
  const free = new Set<number>();
  for (const start of slotStarts(grid)) {
    const end = start + grid.slotMinutes;
    if (!busy.some((b) => b.start < end && start < b.end)) free.add(start);
  }
  return free;
}
