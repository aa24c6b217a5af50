import { describe, expect, it } from 'vitest';
import { columnAt, draggedMinutes, dropSpan, nudged, nudgeKeyOf } from './drag';
import { dayGrid as grid } from './grid';

describe('draggedMinutes', () => {
  it('turns pixels into minutes at the row height, snapped to 5', () => {
    // A row is a 15-minute slot of 22 px.
    expect(draggedMinutes(22, 22, grid)).toBe(15);
    expect(draggedMinutes(-44, 22, grid)).toBe(-30);
    expect(draggedMinutes(8, 22, grid)).toBe(5);
    expect(draggedMinutes(3, 22, grid)).toBe(0);
    expect(draggedMinutes(12, 22, grid, 15)).toBe(15);
  });

  it('always lands on the snap', () => {
    for (let px = -500; px <= 500; px += 7)
      for (const row of [16, 22, 31]) expect(Math.abs(draggedMinutes(px, row, grid) % 5)).toBe(0);
  });
});

describe('dropSpan', () => {
  const span = { start: 9 * 60, end: 9 * 60 + 30 };
  it('moves the whole block, keeping its length, inside the grid', () => {
    expect(dropSpan(span, 'move', 45, grid)).toEqual({ start: 585, end: 615 });
    expect(dropSpan(span, 'move', -600, grid)).toEqual({
      start: grid.startMinutes,
      end: grid.startMinutes + 30,
    });
    expect(dropSpan(span, 'move', 900, grid)).toEqual({ start: grid.endMinutes - 30, end: grid.endMinutes });
  });

  it('resizes from the bottom edge, never shorter than the snap', () => {
    expect(dropSpan(span, 'resize', 15, grid)).toEqual({ start: 540, end: 585 });
    expect(dropSpan(span, 'resize', -60, grid)).toEqual({ start: 540, end: 545 });
  });
});

describe('columnAt', () => {
  const edges = [
    { left: 100, right: 200 },
    { left: 200, right: 300 },
  ];
  it('is the column under the pointer, else the nearest', () => {
    expect(columnAt(150, edges)).toBe(0);
    expect(columnAt(200, edges)).toBe(1);
    expect(columnAt(50, edges)).toBe(0);
    expect(columnAt(900, edges)).toBe(1);
    expect(columnAt(10, [])).toBe(-1);
  });
});

describe('nudges', () => {
  const span = { start: 600, end: 630 };
  it('reads the Alt+arrow keys', () => {
    expect(nudgeKeyOf({ key: 'ArrowDown', altKey: true, shiftKey: false })).toBe('Alt+ArrowDown');
    expect(nudgeKeyOf({ key: 'ArrowUp', altKey: true, shiftKey: true })).toBe('Alt+Shift+ArrowUp');
    expect(nudgeKeyOf({ key: 'ArrowDown', altKey: false, shiftKey: false })).toBeNull();
    expect(nudgeKeyOf({ key: 'x', altKey: true, shiftKey: false })).toBeNull();
  });

  it('moves by a slot, resizes by a slot, steps a column', () => {
    expect(nudged('Alt+ArrowDown', span, 1, 3, grid)).toEqual({ column: 1, span: { start: 615, end: 645 } });
    expect(nudged('Alt+ArrowUp', span, 1, 3, grid)).toEqual({ column: 1, span: { start: 585, end: 615 } });
    expect(nudged('Alt+Shift+ArrowDown', span, 1, 3, grid)?.span).toEqual({ start: 600, end: 645 });
    expect(nudged('Alt+Shift+ArrowUp', span, 1, 3, grid)?.span).toEqual({ start: 600, end: 615 });
    expect(nudged('Alt+ArrowLeft', span, 1, 3, grid)).toEqual({ column: 0, span });
    expect(nudged('Alt+ArrowRight', span, 1, 3, grid)).toEqual({ column: 2, span });
  });

  it('does nothing past an edge or below one slot', () => {
    expect(nudged('Alt+ArrowLeft', span, 0, 3, grid)).toBeNull();
    expect(nudged('Alt+ArrowRight', span, 2, 3, grid)).toBeNull();
    expect(nudged('Alt+ArrowUp', { start: grid.startMinutes, end: 450 }, 0, 1, grid)).toBeNull();
    expect(nudged('Alt+Shift+ArrowUp', { start: 600, end: 615 }, 0, 1, grid)).toBeNull();
  });
});
