import type { Grid, Span } from './grid';

/** Drags snap to this many minutes; keyboard moves go by the grid's slot. */
export const dragSnap = 5;

/** What a drag does: the whole block moves, or its bottom edge (the length) does. */
export type DragKind = 'move' | 'resize';

/** Pixels dragged, as minutes on the grid, snapped to `snap`. */
export function draggedMinutes(deltaPx: number, rowPx: number, grid: Grid, snap = dragSnap): number {
  if (rowPx <= 0) return 0;
  const minutes = (deltaPx / rowPx) * grid.slotMinutes;
  return Math.round(minutes / snap) * snap || 0;
}

/**
 * Where a block lands after `delta` minutes: moved whole (kept inside the grid's day) or made longer or shorter
 * (never shorter than `snap`, never past the grid's end).
 */
export function dropSpan(span: Span, kind: DragKind, delta: number, grid: Grid, snap = dragSnap): Span {
  const length = span.end - span.start;
  if (kind === 'resize') {
    const end = Math.min(Math.max(span.end + delta, span.start + snap), Math.max(grid.endMinutes, span.end));
    return { start: span.start, end };
  }
  const start = Math.min(Math.max(span.start + delta, grid.startMinutes), grid.endMinutes - length);
  return { start, end: start + length };
}

/** The index of the column under `x`, given each column's left and right edge; the nearest one outside them. */
export function columnAt(x: number, edges: readonly { left: number; right: number }[]): number {
  if (edges.length === 0) return -1;
  const inside = edges.findIndex((e) => x >= e.left && x < e.right);
  if (inside !== -1) return inside;
  return x < edges[0]!.left ? 0 : edges.length - 1;
}

/** The keys that move a focused block: a slot earlier or later, a slot longer or shorter, a column aside. */
export const nudgeKeys = [
  'Alt+ArrowUp',
  'Alt+ArrowDown',
  'Alt+Shift+ArrowDown',
  'Alt+Shift+ArrowUp',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
] as const;
export type NudgeKey = (typeof nudgeKeys)[number];

/** The key of a keydown, if it is one of the nudges. */
export function nudgeKeyOf(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>): NudgeKey | null {
  if (!event.altKey) return null;
  const keys = `Alt+${event.shiftKey ? 'Shift+' : ''}${event.key}`;
  return (nudgeKeys as readonly string[]).includes(keys) ? (keys as NudgeKey) : null;
}

/**
 * Where a nudge puts a block in column `column` of `columns`: null when it would leave the grid (or make the block
 * shorter than a slot), so nothing is sent.
 */
export function nudged(
  key: NudgeKey,
  span: Span,
  column: number,
  columns: number,
  grid: Grid,
): { column: number; span: Span } | null {
  const step = grid.slotMinutes;
  const { start, end } = span;
  const to = {
    'Alt+ArrowUp': { column, span: { start: start - step, end: end - step } },
    'Alt+ArrowDown': { column, span: { start: start + step, end: end + step } },
    'Alt+Shift+ArrowDown': { column, span: { start, end: end + step } },
    'Alt+Shift+ArrowUp': { column, span: { start, end: end - step } },
    'Alt+ArrowLeft': { column: column - 1, span },
    'Alt+ArrowRight': { column: column + 1, span },
  }[key];
  const fits =
    to.column >= 0 &&
    to.column < columns &&
    to.span.start >= grid.startMinutes &&
    to.span.end <= grid.endMinutes &&
    to.span.end - to.span.start >= step;
  return fits ? to : null;
}
