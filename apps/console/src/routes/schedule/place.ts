import type { ScheduleDay } from '@clinicflow/contracts';
import type { Block } from './AppointmentBlock.svelte';
import { blockRows, freeSlots, lanes, slotStarts, wallMinutes, type Grid, type Span } from './grid';
import { inColumn, type Column } from './views';

/** A column as drawn: its blocks (with their wall-clock spans) and the empty times offered for booking. */
export type Placed = { column: Column; blocks: (Block & { span: Span })[]; bookable: number[] };

/** Places one column's appointments on the grid; `label` writes a block's time line. */
export function placeColumn(
  column: Column,
  data: ScheduleDay | undefined,
  o: {
    grid: Grid;
    showCancelled: boolean;
    /** Empty times from this minute on are offered; none when `canBook` is false. */
    firstBookable: number;
    canBook: boolean;
    label: (span: Span, other: string | null) => string;
  },
): Placed {
  const names = new Map(
    (column.view === 'provider' ? data?.rooms : data?.providers)?.map((x) => [x.id, x.name]) ?? [],
  );
  const timezone = data?.timezone ?? 'UTC';
  const spans = inColumn(column, data?.appointments ?? [])
    .filter((a) => o.showCancelled || a.status !== 'cancelled')
    .map((a) => ({
      id: a.id,
      appointment: a,
      start: wallMinutes(a.startsAt, column.day, timezone),
      end: wallMinutes(a.endsAt, column.day, timezone),
    }));
  const placed = lanes(spans);
  const free = freeSlots(
    o.grid,
    spans.filter((s) => s.appointment.status === 'booked'),
  );
  const blocks: Placed['blocks'] = [];
  for (const span of spans) {
    const rows = blockRows(span, o.grid);
    if (!rows) continue;
    // The by-provider view names the room; the by-room view names the provider.
    const other = column.view === 'provider' ? span.appointment.roomId : span.appointment.providerId;
    blocks.push({
      appointment: span.appointment,
      span: { start: span.start, end: span.end },
      ...rows,
      ...(placed.get(span.id) ?? { lane: 0, lanes: 1 }),
      label: o.label(span, other ? (names.get(other) ?? null) : null),
    });
  }
  // A provider's column offers only their working hours: the times the server would book.
  const hours = column.providerId
    ? (data?.hours[column.providerId] ?? []).map((w) => ({
        start: wallMinutes(w.startsAt, column.day, timezone),
        end: wallMinutes(w.endsAt, column.day, timezone),
      }))
    : null;
  const working = (m: number) => !hours || hours.some((h) => h.start <= m && m + o.grid.slotMinutes <= h.end);
  const bookable = o.canBook
    ? slotStarts(o.grid).filter((m) => free.has(m) && m >= o.firstBookable && working(m))
    : [];
  return { column, blocks, bookable };
}

function nearest(list: number[], minutes: number): number | undefined {
  return [...list].sort((a, b) => Math.abs(a - minutes) - Math.abs(b - minutes) || a - b)[0];
}

/** The empty time an arrow (or Home/End) key goes to from `minutes` in column `index`; undefined for other keys. */
export function slotAfterKey(
  key: string,
  columns: readonly Placed[],
  index: number,
  minutes: number,
): { column: string; minutes: number } | null | undefined {
  const here = columns[index]!;
  const list = here.bookable;
  const at = (m: number | undefined) => (m === undefined ? null : { column: here.column.key, minutes: m });
  if (key === 'ArrowDown') return at(list.find((m) => m > minutes));
  if (key === 'ArrowUp') return at(list.findLast((m) => m < minutes));
  if (key === 'Home') return at(list[0]);
  if (key === 'End') return at(list.at(-1));
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return undefined;
  const step = key === 'ArrowRight' ? 1 : -1;
  for (let i = index + step; i >= 0 && i < columns.length; i += step) {
    const next = nearest(columns[i]!.bookable, minutes);
    if (next !== undefined) return { column: columns[i]!.column.key, minutes: next };
  }
  return null;
}
