import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DomainEvent } from '../events';
import { roomStatuses, type Room } from '../room';
import { visitStatuses, type Visit } from '../visit';
import { clinic, iso, makeRoom, makeVisit } from '../testing/fixtures';
import { applyFlowBoardEvent, emptyFlowBoard, flowBoardRows, type FlowBoard } from './flow-board';

const DAY = '2026-03-02';
const board0 = (): FlowBoard =>
  emptyFlowBoard({
    clinic,
    day: DAY,
    providers: [{ id: 'dr1', name: 'Dr. Okafor', delayMinutes: 0 }],
    rooms: [makeRoom({ id: 'r1', name: 'Room 1' }), makeRoom({ id: 'r2', name: 'Room 2' })],
  });

const visitArb: fc.Arbitrary<Visit> = fc
  .record({
    id: fc.constantFrom('v1', 'v2', 'v3'),
    day: fc.constantFrom(DAY, DAY, DAY, '2026-03-01'),
    status: fc.constantFrom(...visitStatuses),
    version: fc.integer({ min: 1, max: 50 }),
  })
  .map((g) => makeVisit(g));
const roomArb: fc.Arbitrary<Room> = fc
  .record({
    id: fc.constantFrom('r1', 'r2', 'r3'),
    status: fc.constantFrom(...roomStatuses),
    version: fc.integer({ min: 1, max: 50 }),
  })
  .map((g) => makeRoom(g));
const eventArb: fc.Arbitrary<DomainEvent> = fc.oneof(
  visitArb.map((visit): DomainEvent => ({ type: 'VisitBooked', payload: { visit } })),
  visitArb.map((visit): DomainEvent => ({ type: 'VisitCheckedIn', payload: { visit } })),
  fc
    .tuple(visitArb, fc.constantFrom(...visitStatuses))
    .map(([visit, from]): DomainEvent => ({ type: 'VisitStatusChanged', payload: { visit, from } })),
  fc
    .tuple(roomArb, fc.constantFrom(...roomStatuses))
    .map(([room, from]): DomainEvent => ({ type: 'RoomStatusChanged', payload: { room, from } })),
);

describe('emptyFlowBoard', () => {
  it('indexes providers and rooms by id and starts with no visits', () => {
    const b = board0();
    expect(b.providers.dr1?.name).toBe('Dr. Okafor');
    expect(Object.keys(b.rooms).sort()).toEqual(['r1', 'r2']);
    expect(b.visits).toEqual({});
  });
});

describe('applyFlowBoardEvent', () => {
  it('adds and then replaces a visit with the entity the event carries', () => {
    const booked = makeVisit();
    const arrived = makeVisit({ status: 'arrived', version: 2 });
    let b = applyFlowBoardEvent(board0(), { type: 'VisitBooked', payload: { visit: booked } });
    b = applyFlowBoardEvent(b, { type: 'VisitCheckedIn', payload: { visit: arrived } });
    expect(b.visits).toEqual({ v1: arrived });
  });

  it('ignores a visit of another day', () => {
    const b = board0();
    const next = applyFlowBoardEvent(b, {
      type: 'VisitBooked',
      payload: { visit: makeVisit({ day: '2026-03-03' }) },
    });
    expect(next).toEqual(b);
    expect(next.visits).toEqual({});
  });

  it('updates a room, and learns a room it did not know', () => {
    const room = makeRoom({ id: 'r2', status: 'needs_cleaning', version: 4 });
    const r3 = makeRoom({ id: 'r3', name: 'Room 3' });
    let b = applyFlowBoardEvent(board0(), { type: 'RoomStatusChanged', payload: { room, from: 'occupied' } });
    b = applyFlowBoardEvent(b, { type: 'RoomStatusChanged', payload: { room: r3, from: 'available' } });
    expect(b.rooms.r2).toEqual(room);
    expect(b.rooms.r3).toEqual(r3);
    expect(b.rooms.r1?.status).toBe('available');
  });

  it('property: applying an event twice equals applying it once', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), eventArb, (history, e) => {
        const b = history.reduce(applyFlowBoardEvent, board0());
        const once = applyFlowBoardEvent(b, e);
        expect(applyFlowBoardEvent(once, e)).toEqual(once);
      }),
    );
  });

  it('property: folding events yields the last written entity per id, today only, without mutating the input', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (events) => {
        const start = board0();
        const snapshot = JSON.parse(JSON.stringify(start)) as FlowBoard;
        const b = events.reduce(applyFlowBoardEvent, start);
        expect(start).toEqual(snapshot);

        const visits: Record<string, Visit> = {};
        const rooms: Record<string, Room> = { ...start.rooms };
        for (const e of events) {
          if (e.type === 'RoomStatusChanged') rooms[e.payload.room.id] = e.payload.room;
          else if ('visit' in e.payload && e.payload.visit.day === DAY)
            visits[e.payload.visit.id] = e.payload.visit;
        }
        expect(b.visits).toEqual(visits);
        expect(b.rooms).toEqual(rooms);
        for (const v of Object.values(b.visits)) expect(v.day).toBe(DAY);
        expect(b.day).toBe(DAY);
        expect(b.clinic).toEqual(clinic);
      }),
    );
  });
});

describe('flowBoardRows', () => {
  it('orders by appointment time, walk-ins by arrival, ties by id', () => {
    const rows = [
      makeVisit({ id: 'late', scheduledAt: iso(90) }),
      makeVisit({ id: 'walkin', scheduledAt: null, times: { arrived: iso(45) }, statusSince: iso(45) }),
      makeVisit({ id: 'early', scheduledAt: iso(30) }),
      makeVisit({ id: 'b-same', scheduledAt: iso(60) }),
      makeVisit({ id: 'a-same', scheduledAt: iso(60) }),
      makeVisit({ id: 'unknown', scheduledAt: null, times: {}, statusSince: iso(10) }),
    ];
    let b = board0();
    for (const visit of rows) b = applyFlowBoardEvent(b, { type: 'VisitBooked', payload: { visit } });
    expect(flowBoardRows(b).map((v) => v.id)).toEqual([
      'unknown',
      'early',
      'walkin',
      'a-same',
      'b-same',
      'late',
    ]);
  });
});
