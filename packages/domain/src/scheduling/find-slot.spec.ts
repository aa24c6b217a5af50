import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BusyBooking } from './appointment-type';
import { blockedInterval, roomFitProblem } from './appointment-type';
import {
  findSlots,
  findSlotsNaive,
  openingHoursWindows,
  whyNotOffered,
  type FindSlotQuery,
} from './find-slot';

const BASE = Date.parse('2026-03-02T13:00:00.000Z'); // a Monday, 08:00 in New York
const t = (min: number) => new Date(BASE + min * 60_000).toISOString();

const busyRow = (
  o: Partial<BusyBooking> & { start: number; end: number; before?: number; after?: number },
): BusyBooking => ({
  id: `b${o.start}-${o.providerId ?? ''}-${o.roomId ?? ''}`,
  kind: o.kind ?? 'visit',
  providerId: o.providerId ?? null,
  roomId: o.roomId ?? null,
  patientId: null,
  equipmentId: null,
  startsAt: t(o.start),
  endsAt: t(o.end),
  blockedFrom: t(o.start - (o.before ?? 0)),
  blockedTo: t(o.end + (o.after ?? 0)),
  label: o.label ?? null,
  overbooked: o.overbooked ?? false,
});

describe('opening hours', () => {
  it('keep 08:00–18:00 on the clinic clock across the spring-forward weekend, weekdays only', () => {
    const w = openingHoursWindows({
      from: new Date('2026-03-06T15:00:00Z'),
      days: 4,
      timezone: 'America/New_York',
    });
    expect(w).toEqual([
      { startsAt: '2026-03-06T13:00:00.000Z', endsAt: '2026-03-06T23:00:00.000Z' }, // Friday, EST
      { startsAt: '2026-03-09T12:00:00.000Z', endsAt: '2026-03-09T22:00:00.000Z' }, // Monday, EDT
    ]);
  });
});

describe('findSlots', () => {
  const base: FindSlotQuery = {
    durationMinutes: 30,
    buffers: { bufferBeforeMinutes: 0, bufferAfterMinutes: 10 },
    earliest: new Date(t(0)),
    providers: [{ id: 'dr1', windows: [{ startsAt: t(0), endsAt: t(600) }] }],
    roomIds: ['r1', 'r2'],
    busy: [],
  };

  it('skips a booking and its cleanup buffer, and takes the room that is free', () => {
    const busy = [
      busyRow({ providerId: 'dr1', start: 0, end: 30, after: 10 }),
      busyRow({ roomId: 'r1', start: 40, end: 90, label: 'Deep cleaning', kind: 'block' }),
    ];
    expect(findSlots({ ...base, busy, count: 2 })).toEqual([
      { startsAt: t(45), endsAt: t(75), providerId: 'dr1', roomId: 'r2' },
      { startsAt: t(60), endsAt: t(90), providerId: 'dr1', roomId: 'r2' },
    ]);
  });

  it('ignores an overbooked row, as the database does', () => {
    const busy = [busyRow({ providerId: 'dr1', start: 0, end: 30, overbooked: true })];
    expect(findSlots({ ...base, busy, count: 1 })[0]?.startsAt).toBe(t(0));
  });

  const arb = fc.record({
    rows: fc.array(
      fc.record({
        start: fc.integer({ min: -60, max: 2900 }),
        len: fc.integer({ min: 5, max: 120 }),
        before: fc.integer({ min: 0, max: 15 }),
        after: fc.integer({ min: 0, max: 15 }),
        providerId: fc.option(fc.constantFrom('dr1', 'dr2')),
        roomId: fc.option(fc.constantFrom('r1', 'r2', 'r3')),
      }),
      { maxLength: 40 },
    ),
    duration: fc.integer({ min: 5, max: 90 }),
    before: fc.integer({ min: 0, max: 15 }),
    after: fc.integer({ min: 0, max: 15 }),
    notice: fc.integer({ min: 0, max: 600 }),
    needsRoom: fc.boolean(),
  });

  it('property: equals the brute-force scan; never busy, never outside a window, never before the notice', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const windows = [0, 1440].map((d) => ({ startsAt: t(d), endsAt: t(d + 600) }));
        const q: FindSlotQuery = {
          durationMinutes: a.duration,
          buffers: { bufferBeforeMinutes: a.before, bufferAfterMinutes: a.after },
          earliest: new Date(t(a.notice)),
          providers: [
            { id: 'dr1', windows },
            { id: 'dr2', windows: windows.slice(1) },
          ],
          roomIds: a.needsRoom ? ['r1', 'r2', 'r3'] : null,
          busy: a.rows
            .map((r) => busyRow({ ...r, end: r.start + r.len }) as BusyBooking)
            .map((b, k) => ({ ...b, id: `b${k}` })),
          count: 8,
        };
        const found = findSlots(q);
        expect(found).toEqual(findSlotsNaive(q));
        for (const f of found) {
          const [s, e] = [Date.parse(f.startsAt), Date.parse(f.endsAt)];
          expect(s).toBeGreaterThanOrEqual(q.earliest.getTime());
          const own = q.providers.find((p) => p.id === f.providerId)!.windows;
          expect(own.some((w) => Date.parse(w.startsAt) <= s && e <= Date.parse(w.endsAt))).toBe(true);
          const mine = blockedInterval(f, q.buffers);
          for (const b of q.busy) {
            const overlaps =
              Date.parse(mine.startsAt) < Date.parse(b.blockedTo) &&
              Date.parse(b.blockedFrom) < Date.parse(mine.endsAt);
            if (overlaps)
              expect(b.providerId !== f.providerId && (f.roomId === null || b.roomId !== f.roomId)).toBe(
                true,
              );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('why a time is not offered', () => {
  it('names the booking, the block, the hours and the room', () => {
    const busy = [
      busyRow({ providerId: 'dr1', start: 120, end: 150 }),
      busyRow({ roomId: 'r2', start: 130, end: 160, kind: 'block', label: 'Procedure prep' }),
    ];
    const reasons = whyNotOffered({
      slot: { startsAt: t(135), endsAt: t(165) },
      providerId: 'dr1',
      roomId: 'r2',
      query: {
        buffers: { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
        earliest: new Date(t(0)),
        busy,
        windows: [{ startsAt: t(0), endsAt: t(150) }],
      },
      roomProblem: roomFitProblem({
        type: { name: 'ECG check', roomFeatures: ['ecg'], equipmentKinds: [] },
        room: { id: 'r2', name: 'Room 2', features: ['exam_table'] },
        equipment: [],
      }),
      names: { dr1: 'Dr. Lee', r2: 'Room 2' },
      timezone: 'America/New_York',
    });
    expect(reasons).toEqual([
      'It is outside Dr. Lee’s working hours.',
      'Room 2 lacks ECG.',
      'Dr. Lee is booked 10:00–10:30.',
      'Room 2 is blocked 10:10–10:40 (Procedure prep).',
    ]);
  });
});

describe('room fit', () => {
  const type = { name: 'Abdominal ultrasound', roomFeatures: ['exam_table'], equipmentKinds: ['ultrasound'] };
  const room = { id: 'r1', name: 'Room 1', features: ['exam_table'] };
  const cart = {
    id: 'u1',
    name: 'Portable ultrasound',
    roomId: null,
    kind: 'ultrasound',
    status: 'in_service' as const,
  };
  it('needs working equipment in the room or booked with it', () => {
    expect(roomFitProblem({ type, room, equipment: [cart] })).toBe(
      'Abdominal ultrasound needs a working ultrasound in Room 1 or booked with it.',
    );
    expect(roomFitProblem({ type, room, equipment: [cart], bookedEquipmentId: 'u1' })).toBeNull();
    expect(
      roomFitProblem({
        type,
        room,
        equipment: [{ ...cart, status: 'out_of_service' }],
        bookedEquipmentId: 'u1',
      }),
    ).toBe('The Portable ultrasound is out of service.');
  });
});
