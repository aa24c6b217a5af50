import { describe, expect, it } from 'vitest';
import type { ScheduleDay, ScheduledAppointment } from '@clinicflow/contracts';
import { instantAt, wallMinutes } from './grid';
import { dayColumns, inColumn, noRoom, readQuery, weekColumns, weekOf, writeQuery } from './views';

describe('the URL query', () => {
  it('reads the view, mode, day and week’s provider or room, defaulting what is missing or wrong', () => {
    const q = readQuery(new URLSearchParams('view=room&mode=week&day=2026-12-02&of=r1'));
    expect(q).toEqual({ view: 'room', mode: 'week', day: '2026-12-02', of: 'r1', appointment: null });
    expect(readQuery(new URLSearchParams('view=x&mode=y&day=2026-02-30'))).toEqual({
      view: 'provider',
      mode: 'day',
      day: null,
      of: null,
      appointment: null,
    });
  });

  it('writes it back, leaving the defaults out', () => {
    expect(
      writeQuery({ view: 'provider', mode: 'day', day: '2026-12-02', of: 'p1', appointment: null }),
    ).toBe('day=2026-12-02');
    const q = { view: 'room', mode: 'week', day: '2026-12-02', of: 'r1', appointment: 'a1' } as const;
    expect(readQuery(new URLSearchParams(writeQuery(q)))).toEqual(q);
  });
});

const data = {
  day: '2026-12-02',
  providers: [{ id: 'p1', name: 'Dr. A' }],
  rooms: [{ id: 'r1', name: 'Room 1' }],
} as ScheduleDay;
const appointment = (id: string, roomId: string | null) =>
  ({ id, providerId: 'p1', roomId }) as ScheduledAppointment;

describe('columns', () => {
  it('by room: every room, then the appointments without one', () => {
    const columns = dayColumns(data, 'room', 'No room');
    expect(columns.map((c) => c.name)).toEqual(['Room 1', 'No room']);
    const all = [appointment('a', 'r1'), appointment('b', null)];
    expect(inColumn(columns[0]!, all).map((a) => a.id)).toEqual(['a']);
    expect(inColumn(columns[1]!, all).map((a) => a.id)).toEqual(['b']);
  });

  it('by provider: one a provider', () => {
    const [only] = dayColumns(data, 'provider', 'No room');
    expect(only).toMatchObject({ key: 'p1', providerId: 'p1', roomId: null, day: '2026-12-02' });
  });

  it('a week: one a day, for the provider or room chosen', () => {
    const days = weekOf('2026-12-02');
    const provider = weekColumns(days, 'provider', 'p1', (d) => d);
    expect(provider.map((c) => c.providerId)).toEqual(Array(7).fill('p1'));
    const none = weekColumns(days, 'room', noRoom, (d) => d);
    expect(none.every((c) => c.roomId === null && c.view === 'room')).toBe(true);
  });
});

describe('weekOf', () => {
  it('is Monday to Sunday around the day, across a month end', () => {
    expect(weekOf('2026-12-02')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weekOf('2026-11-30')[0]).toBe('2026-11-30');
    expect(weekOf('2026-12-06')[0]).toBe('2026-11-30');
  });

  it('keeps seven calendar days across a clock change in the clinic’s zone, 09:00 on each', () => {
    // Europe clocks go forward on Sunday 29 March 2026, back on Sunday 25 October 2026.
    const spring = weekOf('2026-03-26');
    expect(spring).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    const nine = spring.map((d) => instantAt(d, 9 * 60, 'Europe/Berlin'));
    expect(nine[5]).toBe('2026-03-28T08:00:00.000Z');
    expect(nine[6]).toBe('2026-03-29T07:00:00.000Z');
    spring.forEach((d, i) => expect(wallMinutes(nine[i]!, d, 'Europe/Berlin')).toBe(540));

    const autumn = weekOf('2026-10-25');
    expect(autumn[0]).toBe('2026-10-19');
    const ten = instantAt(autumn[6]!, 10 * 60, 'America/New_York');
    expect(wallMinutes(ten, autumn[6]!, 'America/New_York')).toBe(600);
  });
});
