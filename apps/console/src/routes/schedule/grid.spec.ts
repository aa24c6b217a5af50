import { describe, expect, it } from 'vitest';
import {
  addDays,
  blockRows,
  dayGrid,
  freeSlots,
  instantAt,
  isDay,
  lanes,
  rowOf,
  slotStarts,
  wallMinutes,
} from './grid';

const ny = 'America/New_York';

describe('wallMinutes and instantAt', () => {
  it('reads an instant on the clinic wall clock of the day shown', () => {
    expect(wallMinutes('2026-11-30T14:00:00Z', '2026-11-30', ny)).toBe(9 * 60);
    expect(wallMinutes('2026-11-30T14:00:00.000-05:00', '2026-11-30', ny)).toBe(14 * 60);
    // The day before and after, relative to the day shown.
    expect(wallMinutes('2026-11-30T04:30:00Z', '2026-11-30', ny)).toBe(-30);
    expect(wallMinutes('2026-12-01T05:15:00Z', '2026-11-30', ny)).toBe(24 * 60 + 15);
    expect(wallMinutes('2026-11-30T09:00:00Z', '2026-11-30', 'Asia/Tokyo')).toBe(18 * 60);
  });

  it('keeps 09:00 at 540 on the days the clocks change', () => {
    expect(wallMinutes('2026-03-07T14:00:00Z', '2026-03-07', ny)).toBe(540); // EST
    expect(wallMinutes('2026-03-08T13:00:00Z', '2026-03-08', ny)).toBe(540); // EDT, spring forward
    expect(wallMinutes('2026-11-01T14:00:00Z', '2026-11-01', ny)).toBe(540); // EST again, fall back
    expect(instantAt('2026-03-08', 540, ny)).toBe('2026-03-08T13:00:00.000Z');
    expect(instantAt('2026-11-01', 540, ny)).toBe('2026-11-01T14:00:00.000Z');
  });

  it('round-trips every slot of a day', () => {
    for (const m of slotStarts(dayGrid))
      expect(wallMinutes(instantAt('2026-06-15', m, ny), '2026-06-15', ny)).toBe(m);
  });
});

describe('days', () => {
  it('steps across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('accepts only real calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('tomorrow')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe('rows', () => {
  it('has 48 quarter-hour slots from 07:00 to 19:00', () => {
    const starts = slotStarts(dayGrid);
    expect(starts).toHaveLength(48);
    expect(starts[0]).toBe(420);
    expect(starts.at(-1)).toBe(18 * 60 + 45);
  });

  it('puts a time in its slot, clamped to the grid', () => {
    expect(rowOf(420, dayGrid)).toBe(1);
    expect(rowOf(434, dayGrid)).toBe(1);
    expect(rowOf(435, dayGrid)).toBe(2);
    expect(rowOf(0, dayGrid)).toBe(1);
    expect(rowOf(23 * 60, dayGrid)).toBe(48);
  });

  it('spans a block over the slots it covers', () => {
    // 09:00–09:30: rows 9 and 10.
    expect(blockRows({ start: 540, end: 570 }, dayGrid)).toEqual({
      rowStart: 9,
      rowEnd: 11,
      before: false,
      after: false,
    });
    // 09:10–09:20 touches two slots; 09:05–09:10 stays in one.
    expect(blockRows({ start: 550, end: 560 }, dayGrid)).toMatchObject({ rowStart: 9, rowEnd: 11 });
    expect(blockRows({ start: 545, end: 550 }, dayGrid)).toMatchObject({ rowStart: 9, rowEnd: 10 });
  });

  it('clips a block that runs past the grid and drops one outside it', () => {
    expect(blockRows({ start: 6 * 60, end: 7 * 60 + 30 }, dayGrid)).toEqual({
      rowStart: 1,
      rowEnd: 3,
      before: true,
      after: false,
    });
    expect(blockRows({ start: 18 * 60 + 30, end: 20 * 60 }, dayGrid)).toEqual({
      rowStart: 47,
      rowEnd: 49,
      before: false,
      after: true,
    });
    expect(blockRows({ start: 6 * 60, end: 7 * 60 }, dayGrid)).toBeNull();
    expect(blockRows({ start: 19 * 60, end: 20 * 60 }, dayGrid)).toBeNull();
  });
});

describe('lanes', () => {
  it('gives blocks that do not overlap the whole width', () => {
    const placed = lanes([
      { id: 'a', start: 540, end: 570 },
      { id: 'b', start: 570, end: 600 }, // back to back
    ]);
    expect(placed.get('a')).toEqual({ lane: 0, lanes: 1 });
    expect(placed.get('b')).toEqual({ lane: 0, lanes: 1 });
  });

  it('puts overlapping blocks side by side, per group of overlaps', () => {
    const placed = lanes([
      { id: 'c', start: 560, end: 600 },
      { id: 'a', start: 540, end: 570 },
      { id: 'b', start: 545, end: 555 },
      { id: 'd', start: 575, end: 590 }, // reuses a's lane after it ends
      { id: 'e', start: 700, end: 730 }, // a group of its own
    ]);
    expect(placed.get('a')).toEqual({ lane: 0, lanes: 2 });
    expect(placed.get('b')).toEqual({ lane: 1, lanes: 2 });
    expect(placed.get('c')).toEqual({ lane: 1, lanes: 2 });
    expect(placed.get('d')).toEqual({ lane: 0, lanes: 2 });
    expect(placed.get('e')).toEqual({ lane: 0, lanes: 1 });
  });

  it('is empty for no blocks', () => {
    expect(lanes([]).size).toBe(0);
  });
});

describe('freeSlots', () => {
  it('leaves out every slot a booking touches', () => {
    const free = freeSlots(dayGrid, [
      { start: 540, end: 570 },
      { start: 605, end: 610 },
    ]);
    expect(free.has(525)).toBe(true);
    expect(free.has(540)).toBe(false);
    expect(free.has(555)).toBe(false);
    expect(free.has(570)).toBe(true);
    expect(free.has(600)).toBe(false);
    expect(free.size).toBe(48 - 3);
  });
});
