import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Equipment } from '../../equipment/equipment';
import type { Alert } from '../../intake/alert';
import type { Visit } from '../../visits/visit';
import type { RosterShift } from '../../roster/roster';
import type { AppointmentType } from '../../scheduling/appointment-type';
import { DAY, domainEventArb, domainEventTypes, typeCoverage } from '../../testing/event-arbitraries';
import { clinic, iso, makeRoom, makeVisit } from '../../testing/fixtures';
import { applyFlowBoardEvent, flowBoardRows } from './reduce';
import { emptyFlowBoard, isRoomShiftOf, type FlowBoard } from './state';

const board0 = (): FlowBoard =>
  emptyFlowBoard({
    clinic,
    day: DAY,
    providers: [{ id: 'dr1', name: 'Dr. Okafor', delayMinutes: 0, staffId: null }],
    rooms: [makeRoom({ id: 'r1', name: 'Room 1' }), makeRoom({ id: 'r2', name: 'Room 2' })],
  });

const eventArb = domainEventArb();

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

  it('property: folding any events yields the last written entity per id, today only, without mutating the input', () => {
    const coverage = typeCoverage();
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        coverage.see(events);
        const start = board0();
        const snapshot = structuredClone(start);
        const b = events.reduce(applyFlowBoardEvent, start);
        expect(start).toEqual(snapshot);

        // The model: plain last-writer-wins maps, filled in one pass.
        const visits = new Map<string, Visit>();
        const rooms = new Map(Object.entries(start.rooms));
        const providers = new Map(Object.entries(start.providers));
        const alerts = new Map<string, Alert>();
        const equipment = new Map<string, Equipment>();
        const types = new Map<string, AppointmentType>();
        const shifts = new Map<string, RosterShift>();
        let clinicNow = start.clinic;
        for (const e of events) {
          const p = e.payload;
          if ('visit' in p && p.visit.day === DAY) visits.set(p.visit.id, p.visit);
          // A visit moved to another day leaves today's board.
          if (e.type === 'VisitRescheduled' && e.payload.visit.day !== DAY) visits.delete(e.payload.visit.id);
          if ('room' in p) rooms.set(p.room.id, p.room);
          if ('provider' in p) providers.set(p.provider.id, p.provider);
          if ('equipment' in p) equipment.set(p.equipment.id, p.equipment);
          if ('appointmentType' in p) types.set(p.appointmentType.id, p.appointmentType);
          // Only today's room sessions; a removed or moved-away shift leaves.
          if ('shift' in p) shifts.delete(p.shift.id);
          if ('shift' in p && !p.removed && isRoomShiftOf(p.shift, DAY, clinic))
            shifts.set(p.shift.id, p.shift);
          // An alert belongs on the board only once its visit is there.
          if ('alert' in p && visits.has(p.alert.visitId)) alerts.set(p.alert.id, p.alert);
          if (e.type === 'DisplaySettingsChanged') clinicNow = { ...clinicNow, ...e.payload };
          if (e.type === 'FlowSettingsChanged') clinicNow = { ...clinicNow, ...e.payload };
        }
        expect(b).toEqual({
          clinic: clinicNow,
          day: DAY,
          providers: Object.fromEntries(providers),
          rooms: Object.fromEntries(rooms),
          visits: Object.fromEntries(visits),
          alerts: Object.fromEntries(alerts),
          equipment: Object.fromEntries(equipment),
          appointmentTypes: Object.fromEntries(types),
          roomShifts: Object.fromEntries(shifts),
        });
      }),
      { numRuns: 300 },
    );
    expect(coverage.missing(domainEventTypes)).toEqual([]);
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
