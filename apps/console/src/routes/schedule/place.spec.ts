import { describe, expect, it } from 'vitest';
import type { ScheduleDay, ScheduledAppointment, ScheduledReservation } from '@clinicflow/contracts';
import { dayGrid } from './grid';
import { placeColumn } from './place';
import type { Column } from './views';

// 2026-12-02 in UTC: wall clock = UTC.
const day = '2026-12-02';
const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
const room: Column = { key: 'r1', name: 'Room 1', day, view: 'room', providerId: null, roomId: 'r1' };
const provider: Column = { key: 'p1', name: 'Dr. A', day, view: 'provider', providerId: 'p1', roomId: null };

const visit = {
  id: 'a1',
  providerId: 'p1',
  roomId: 'r1',
  startsAt: at('09:00'),
  endsAt: at('09:30'),
  status: 'booked',
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 15,
  patientName: 'Ana Quinn',
} as ScheduledAppointment;
const reservation = (r: Partial<ScheduledReservation>): ScheduledReservation => ({
  id: 'x',
  kind: 'block',
  providerId: null,
  roomId: 'r1',
  startsAt: at('12:00'),
  endsAt: at('12:30'),
  label: 'Deep cleaning',
  heldBy: null,
  heldByName: null,
  expiresAt: null,
  ...r,
});
const data = (reservations: ScheduledReservation[]) =>
  ({
    day,
    timezone: 'UTC',
    providers: [],
    rooms: [],
    appointments: [visit],
    reservations,
    // The provider works the whole grid, so only blocks, holds and buffers take times away.
    hours: { p1: [{ startsAt: at('07:00'), endsAt: at('19:00') }] },
  }) as unknown as ScheduleDay;
const place = (column: Column, reservations: ScheduledReservation[], nowMs = Date.parse(at('08:00'))) =>
  placeColumn(column, data(reservations), {
    grid: dayGrid,
    showCancelled: false,
    firstBookable: -Infinity,
    canBook: true,
    nowMs,
    label: () => '',
  });
const row = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) - 7 * 60) / 15 + 1;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('placeColumn with blocks, holds and buffers', () => {
  it('draws a visit’s buffers, and offers no booking in them', () => {
    const { blocks, bookable } = place(room, []);
    expect(blocks[0]!.buffers).toEqual([
      { rowStart: row('08:45'), rowEnd: row('09:00') },
      { rowStart: row('09:30'), rowEnd: row('09:45') },
    ]);
    expect(bookable).not.toContain(minutes('08:45'));
    expect(bookable).not.toContain(minutes('09:30'));
    expect(bookable).toContain(minutes('09:45'));
  });

  it('draws a room block in its room only, and offers no booking under it', () => {
    const block = reservation({ id: 'b1' });
    const inRoom = place(room, [block]);
    expect(inRoom.reservations.map((r) => [r.reservation.id, r.rowStart, r.rowEnd])).toEqual([
      ['b1', row('12:00'), row('12:30')],
    ]);
    expect(inRoom.bookable).not.toContain(minutes('12:00'));
    expect(inRoom.bookable).toContain(minutes('12:30'));
    expect(place(provider, [block]).reservations).toEqual([]);
  });

  it('draws a provider’s hold in the provider’s column until it expires', () => {
    const hold = reservation({
      id: 'h1',
      kind: 'hold',
      providerId: 'p1',
      roomId: null,
      label: null,
      heldBy: 's1',
      heldByName: 'Casey',
      expiresAt: at('08:10'),
    });
    expect(place(provider, [hold]).reservations.map((r) => r.reservation.id)).toEqual(['h1']);
    expect(place(room, [hold]).reservations).toEqual([]);
    const after = place(provider, [hold], Date.parse(at('08:10')));
    expect(after.reservations).toEqual([]);
    expect(after.bookable).toContain(minutes('12:00'));
  });
});
