import type { ScheduleDay, ScheduledReservation } from '@clinicflow/contracts';
import type { Block } from './AppointmentBlock.svelte';
import { blockRows, freeSlots, lanes, slotStarts, wallMinutes, type Grid, type Span } from './grid';
import { inColumn, type Column } from './views';

/** Rows of the grid: `rowEnd` exclusive, as `grid-row: rowStart / rowEnd` wants. */
export type Rows = { rowStart: number; rowEnd: number };

/** A room block or a hold placed on the grid, beside the visits it does not overlap. */
export type PlacedReservation = Rows & {
  reservation: ScheduledReservation;
  span: Span;
  lane: number;
  lanes: number;
};

/**
 * A column as drawn: its blocks (with their wall-clock spans and their buffers, drawn lighter), the blocks and
 * holds, and the empty times offered for booking.
 */
export type Placed = {
  column: Column;
  blocks: (Block & { span: Span; buffers: Rows[] })[];
  reservations: PlacedReservation[];
  bookable: number[];
};

/** The blocks and holds a column shows: a hold until it expires (the server's sweep may come a little later). */
export function reservationsIn(
  column: Column,
  reservations: readonly ScheduledReservation[],
  nowMs: number,
): ScheduledReservation[] {
  return reservations.filter(
    (r) =>
      (r.kind !== 'hold' || Date.parse(r.expiresAt!) > nowMs) &&
      (column.view === 'provider'
        ? r.providerId !== null && r.providerId === column.providerId
        : r.roomId !== null && r.roomId === column.roomId),
  );
}

/** Places one column's appointments, blocks and holds on the grid; `label` writes a block's time line. */
export function placeColumn(
  column: Column,
  data: ScheduleDay | undefined,
  o: {
    grid: Grid;
    showCancelled: boolean;
    /** Empty times from this minute on are offered; none when `canBook` is false. */
    firstBookable: number;
    canBook: boolean;
    /** The server's clock: holds past their time are not drawn. */
    nowMs: number;
    label: (span: Span, other: string | null) => string;
  },
): Placed {
  const names = new Map(
    (column.view === 'provider' ? data?.rooms : data?.providers)?.map((x) => [x.id, x.name]) ?? [],
  );
  const timezone = data?.timezone ?? 'UTC';
  const minutesOf = (iso: string) => wallMinutes(iso, column.day, timezone);
  const spans = inColumn(column, data?.appointments ?? [])
    .filter((a) => o.showCancelled || a.status !== 'cancelled')
    .map((a) => ({ id: a.id, appointment: a, start: minutesOf(a.startsAt), end: minutesOf(a.endsAt) }));
  const kept = reservationsIn(column, data?.reservations ?? [], o.nowMs).map((r) => ({
    id: r.id,
    reservation: r,
    start: minutesOf(r.startsAt),
    end: minutesOf(r.endsAt),
  }));
  const placed = lanes([...spans, ...kept]);
  const booked = spans.filter((s) => s.appointment.status === 'booked');
  // Preparation and cleanup keep the provider and the room busy too: no booking starts in them.
  const buffered = booked.map((s) => ({
    start: s.start - s.appointment.bufferBeforeMinutes,
    end: s.end + s.appointment.bufferAfterMinutes,
  }));
  const free = freeSlots(o.grid, [...buffered, ...kept]);
  const blocks: Placed['blocks'] = [];
  for (const span of spans) {
    const rows = blockRows(span, o.grid);
    if (!rows) continue;
    // The by-provider view names the room; the by-room view names the provider.
    const other = column.view === 'provider' ? span.appointment.roomId : span.appointment.providerId;
    const { bufferBeforeMinutes: before, bufferAfterMinutes: after } = span.appointment;
    const buffers =
      span.appointment.status !== 'booked'
        ? []
        : [
            before > 0 ? blockRows({ start: span.start - before, end: span.start }, o.grid) : null,
            after > 0 ? blockRows({ start: span.end, end: span.end + after }, o.grid) : null,
          ].flatMap((r) => (r ? [{ rowStart: r.rowStart, rowEnd: r.rowEnd }] : []));
    blocks.push({
      appointment: span.appointment,
      span: { start: span.start, end: span.end },
      buffers,
      ...rows,
      ...(placed.get(span.id) ?? { lane: 0, lanes: 1 }),
      label: o.label(span, other ? (names.get(other) ?? null) : null),
    });
  }
  const reservations: PlacedReservation[] = [];
  for (const r of kept) {
    const rows = blockRows(r, o.grid);
    if (!rows) continue;
    reservations.push({
      reservation: r.reservation,
      span: { start: r.start, end: r.end },
      rowStart: rows.rowStart,
      rowEnd: rows.rowEnd,
      ...(placed.get(r.id) ?? { lane: 0, lanes: 1 }),
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
  return { column, blocks, reservations, bookable };
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
