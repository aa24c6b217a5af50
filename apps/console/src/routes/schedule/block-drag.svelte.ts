import { useKeys } from '$lib/keys/keymap.svelte';
import { columnAt, draggedMinutes, dropSpan, nudgeKeys, type DragKind, type NudgeKey } from './drag';
import { messages as t } from './messages';
import type { Grid, Span } from './grid';

/** A block being dragged, or placed and waiting for the server: where it would land. */
export type Preview = { id: string; column: number; span: Span };

/** The bottom edge, this many pixels high, resizes instead of moving. */
const edgePx = 6;

type Press = {
  id: string;
  kind: DragKind;
  column: number;
  span: Span;
  x: number;
  y: number;
  rowPx: number;
  edges: { left: number; right: number }[];
};

/**
 * Pointer drags of the grid's blocks: vertical is time (snapped), across columns is another column; the bottom
 * edge changes the length. The preview stays until `drop` settles: the server's answer, or a snap back.
 */
export class BlockDrag {
  preview = $state.raw<Preview | null>(null);
  #press: Press | null = null;
  #dragging = $state(false);
  /** A drag ends in a click on the block: that click is not a "select". */
  #swallowClick = false;

  readonly #grid: () => Grid;
  readonly #columns: () => HTMLElement[];
  readonly #drop: (preview: Preview, how: 'drag' | 'key') => Promise<unknown>;

  constructor(
    grid: () => Grid,
    columns: () => HTMLElement[],
    drop: (preview: Preview, how: 'drag' | 'key') => Promise<unknown>,
  ) {
    this.#grid = grid;
    this.#columns = columns;
    this.#drop = drop;
  }

  get dragging(): boolean {
    return this.#dragging;
  }

  down(event: PointerEvent, id: string, column: number, span: Span): void {
    this.#swallowClick = false;
    if (event.button !== 0 || this.preview) return;
    const target = event.currentTarget as HTMLElement;
    const edges = this.#columns().map((c) => c.getBoundingClientRect());
    const own = edges[column];
    if (!own) return;
    const rows = (this.#grid().endMinutes - this.#grid().startMinutes) / this.#grid().slotMinutes;
    const onEdge = target.getBoundingClientRect().bottom - event.clientY <= edgePx;
    this.#press = {
      id,
      kind: onEdge ? 'resize' : 'move',
      column,
      span,
      x: event.clientX,
      y: event.clientY,
      rowPx: own.height / rows,
      edges: edges.map((e) => ({ left: e.left, right: e.right })),
    };
    target.setPointerCapture?.(event.pointerId);
  }

  move(event: PointerEvent): void {
    const press = this.#press;
    if (!press) {
      // Not pressed: the bottom edge shows it resizes (a child element there is not hit inside a button).
      const target = event.currentTarget as HTMLElement;
      target.dataset.edge = String(target.getBoundingClientRect().bottom - event.clientY <= edgePx);
      return;
    }
    const dy = event.clientY - press.y;
    if (!this.#dragging && Math.hypot(event.clientX - press.x, dy) < 4) return;
    this.#dragging = true;
    const delta = draggedMinutes(dy, press.rowPx, this.#grid());
    const column = press.kind === 'resize' ? press.column : columnAt(event.clientX, press.edges);
    this.preview = { id: press.id, column, span: dropSpan(press.span, press.kind, delta, this.#grid()) };
  }

  async up(): Promise<void> {
    const press = this.#press;
    this.#press = null;
    if (!this.#dragging || !press) return;
    this.#dragging = false;
    this.#swallowClick = true;
    const preview = this.preview;
    if (
      !preview ||
      (preview.column === press.column &&
        preview.span.start === press.span.start &&
        preview.span.end === press.span.end)
    ) {
      this.preview = null;
      return;
    }
    await this.place(preview, 'drag');
  }

  /** Escape drops a drag in progress where it started. */
  escape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.#dragging) return;
    event.preventDefault();
    this.cancel();
  }

  cancel(): void {
    this.#press = null;
    this.#dragging = false;
    this.preview = null;
  }

  /** Shows `preview` until the drop (a drag's or a key's) is answered. */
  async place(preview: Preview, how: 'drag' | 'key'): Promise<void> {
    this.preview = preview;
    try {
      await this.#drop(preview, how);
    } finally {
      this.preview = null;
    }
  }

  /** True once for the click that ends a drag. */
  takeClick(): boolean {
    const swallow = this.#swallowClick;
    this.#swallowClick = false;
    return swallow;
  }
}

/** The Alt+arrow moves in the key map (for `?`) while `enabled` (blocks to move are shown): call in a component. */
export function useNudgeKeys(run: (key: NudgeKey) => void, enabled: () => boolean): void {
  useKeys(() =>
    nudgeKeys.map((keys) => ({
      keys,
      description: t.keys[keys],
      group: t.title,
      run: () => run(keys),
      enabled,
    })),
  );
}
