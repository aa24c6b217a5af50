import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DomainEvent } from '../../events';
import {
  displayedVisitStatuses,
  type DisplayEquipment,
  type DisplayEvent,
  type DisplayRoom,
  type DisplayVisit,
} from './state';
import { projectForDisplay } from './project';
import { displayPrivacyModes } from '../../clinic/clinic';
import { roomStatuses, type RoomStatus } from '../../rooms/room';
import type { VisitStatus } from '../../visits/visit';
import {
  DAY,
  domainEventArb,
  domainEventTypes,
  eventArbs,
  typeCoverage,
  visitArb,
} from '../../testing/event-arbitraries';
import { clinic, iso, makeRoom } from '../../testing/fixtures';
import { applyFlowBoardEvent } from '../flow-board/reduce';
import { emptyFlowBoard } from '../flow-board/state';
import { applyDisplayEvent } from './reduce';
import { nowCalling, roomTiles, waitingQueue } from './select';
import { projectFlowBoardForDisplay } from './project';
import { type DisplayBoard } from './state';

const room = (id: string, name: string, status: RoomStatus = 'available'): DisplayRoom => ({
  id,
  name,
  status,
  statusSince: iso(0),
});
const dv = (o: Partial<DisplayVisit> & { id: string; status: DisplayVisit['status'] }): DisplayVisit => ({
  label: o.id.toUpperCase(),
  roomId: null,
  providerId: null,
  statusSince: iso(0),
  queuedAt: null,
  calledAt: null,
  ...o,
});

function board(
  o: { rooms?: DisplayRoom[]; visits?: DisplayVisit[]; providers?: { id: string; name: string }[] } = {},
): DisplayBoard {
  return {
    clinic: {
      name: 'Maple Family Practice',
      timezone: 'America/New_York',
      displayPrivacy: 'ticket',
      displayNotice: null,
      roomThresholds: {},
    },
    providers: Object.fromEntries(
      (o.providers ?? [{ id: 'dr1', name: 'Dr. Okafor' }]).map((p) => [
        p.id,
        { ...p, delayMinutes: 0, staffId: null },
      ]),
    ),
    rooms: Object.fromEntries((o.rooms ?? []).map((r) => [r.id, r])),
    visits: Object.fromEntries((o.visits ?? []).map((v) => [v.id, v])),
    equipment: {},
  };
}

describe('applyDisplayEvent', () => {
  it('adds, replaces and removes visits; updates rooms', () => {
    let b = board();
    b = applyDisplayEvent(b, {
      type: 'DisplayVisitUpdated',
      payload: { visit: dv({ id: 'v1', status: 'waiting' }) },
    });
    b = applyDisplayEvent(b, {
      type: 'DisplayVisitUpdated',
      payload: { visit: dv({ id: 'v1', status: 'called', roomId: 'r1' }) },
    });
    expect(b.visits.v1?.status).toBe('called');
    b = applyDisplayEvent(b, {
      type: 'DisplayRoomUpdated',
      payload: { room: room('r1', 'Room 1', 'occupied') },
    });
    expect(b.rooms.r1?.status).toBe('occupied');
    b = applyDisplayEvent(b, { type: 'DisplayVisitRemoved', payload: { id: 'v1' } });
    expect(b.visits).toEqual({});
  });

  it('removing a visit it never saw is harmless', () => {
    const b = board({ visits: [dv({ id: 'v1', status: 'waiting' })] });
    expect(applyDisplayEvent(b, { type: 'DisplayVisitRemoved', payload: { id: 'nope' } })).toEqual(b);
  });

  const displayVisitArb = fc
    .record({
      id: fc.constantFrom('v1', 'v2', 'v3'),
      status: fc.constantFrom(...displayedVisitStatuses),
      roomId: fc.option(fc.constantFrom('r1', 'r2')),
      t: fc.nat(100),
    })
    .map(({ id, status, roomId, t }) => dv({ id, status, roomId, statusSince: iso(t) }));
  // One generator per display event type: a new type does not compile until it has one here.
  const displayEventArbs: { [K in DisplayEvent['type']]: fc.Arbitrary<Extract<DisplayEvent, { type: K }>> } =
    {
      DisplayVisitUpdated: displayVisitArb.map((visit) => ({
        type: 'DisplayVisitUpdated',
        payload: { visit },
      })),
      DisplayVisitRemoved: fc
        .constantFrom('v1', 'v2', 'v3', 'never-seen')
        .map((id) => ({ type: 'DisplayVisitRemoved', payload: { id } })),
      DisplayRoomUpdated: fc
        .record({ id: fc.constantFrom('r1', 'r2'), status: fc.constantFrom(...roomStatuses) })
        .map(({ id, status }) => ({ type: 'DisplayRoomUpdated', payload: { room: room(id, id, status) } })),
      DisplayProviderUpdated: fc
        .record({
          id: fc.constantFrom('dr1', 'dr2'),
          name: fc.constantFrom('Dr. Okafor', 'Dr. Lind'),
          delayMinutes: fc.nat(60),
        })
        .map((provider) => ({ type: 'DisplayProviderUpdated', payload: { provider } })),
      DisplayEquipmentUpdated: fc
        .record({
          id: fc.constantFrom('eq1', 'eq2'),
          name: fc.constant('ECG'),
          roomId: fc.option(fc.constantFrom('r1', 'r2')),
          status: fc.constantFrom('in_service' as const, 'out_of_service' as const),
        })
        .map((equipment) => ({ type: 'DisplayEquipmentUpdated', payload: { equipment } })),
      DisplaySettingsUpdated: fc
        .record({
          displayNotice: fc.option(fc.constant('Flu shots today')),
          roomThresholds: fc.record({ occupied: fc.nat(90) }, { requiredKeys: [] }),
        })
        .map((payload) => ({ type: 'DisplaySettingsUpdated', payload })),
    };
  const displayEventArb: fc.Arbitrary<DisplayEvent> = fc.oneof(...Object.values(displayEventArbs));

  it('property: applying an event twice equals applying it once', () => {
    fc.assert(
      fc.property(fc.array(displayEventArb, { maxLength: 10 }), displayEventArb, (history, e) => {
        const once = applyDisplayEvent(history.reduce(applyDisplayEvent, board()), e);
        expect(applyDisplayEvent(once, e)).toEqual(once);
      }),
    );
  });

  it('property: folding yields the last written entity per id (or none after a removal)', () => {
    const coverage = typeCoverage();
    fc.assert(
      fc.property(fc.array(displayEventArb, { maxLength: 30 }), (events) => {
        coverage.see(events);
        const start = board();
        const b = events.reduce(applyDisplayEvent, start);
        const visits = new Map<string, DisplayVisit>();
        const rooms = new Map<string, DisplayRoom>();
        const providers = new Map(Object.entries(start.providers));
        const equipment = new Map<string, DisplayEquipment>();
        let clinic = start.clinic;
        for (const e of events) {
          if (e.type === 'DisplayVisitUpdated') visits.set(e.payload.visit.id, e.payload.visit);
          else if (e.type === 'DisplayVisitRemoved') visits.delete(e.payload.id);
          else if (e.type === 'DisplayRoomUpdated') rooms.set(e.payload.room.id, e.payload.room);
          else if (e.type === 'DisplayProviderUpdated')
            providers.set(e.payload.provider.id, e.payload.provider);
          else if (e.type === 'DisplayEquipmentUpdated')
            equipment.set(e.payload.equipment.id, e.payload.equipment);
          else clinic = { ...clinic, ...e.payload };
        }
        expect(b).toEqual({
          clinic,
          providers: Object.fromEntries(providers),
          rooms: Object.fromEntries(rooms),
          visits: Object.fromEntries(visits),
          equipment: Object.fromEntries(equipment),
        });
      }),
    );
    expect(coverage.missing(Object.keys(displayEventArbs))).toEqual([]);
  });

  /** Any generated events, rewritten into a log the server could write: each visit starts with a booking or a
   * walk-in, and every status change carries the status it really came from. */
  function asServerLog(events: DomainEvent[]): DomainEvent[] {
    const status = new Map<string, VisitStatus>();
    return events.flatMap((e): DomainEvent[] => {
      if (!('visit' in e.payload)) return [e];
      const { visit } = e.payload;
      const from = status.get(visit.id);
      // A booked appointment is moved or flagged late (or no-show?): all keep (or make, with its booking) it booked.
      if (
        (e.type === 'VisitRescheduled' || e.type === 'VisitLate' || e.type === 'VisitFlagged') &&
        (from === undefined || from === 'booked')
      ) {
        const booked = { ...visit, status: 'booked' as const };
        status.set(visit.id, 'booked');
        const move = { type: e.type, payload: { ...e.payload, visit: booked } } as DomainEvent;
        return from ? [move] : [{ type: 'VisitBooked', payload: { visit: booked } }, move];
      }
      status.set(visit.id, visit.status);
      if (from === undefined) {
        if (visit.status === 'booked') return [{ type: 'VisitBooked', payload: { visit } }];
        if (visit.status === 'arrived' || visit.status === 'waiting')
          return [{ type: 'WalkInRegistered', payload: { visit } }];
        const booked = { ...visit, status: 'booked' as const };
        return [
          { type: 'VisitBooked', payload: { visit: booked } },
          { type: 'VisitStatusChanged', payload: { visit, from: 'booked' } },
        ];
      }
      if (from === 'booked' && (visit.status === 'arrived' || visit.status === 'waiting'))
        return [{ type: 'VisitCheckedIn', payload: { visit } }];
      return [{ type: 'VisitStatusChanged', payload: { visit, from } }];
    });
  }

  it('property: a display fed the projected log shows exactly what the console board shows, projected', () => {
    const coverage = typeCoverage();
    const console0 = emptyFlowBoard({
      clinic,
      day: DAY,
      providers: [{ id: 'dr1', name: 'Dr. Okafor', delayMinutes: 0, staffId: null }],
      rooms: [makeRoom({ id: 'r1', name: 'Room 1' }), makeRoom({ id: 'r2', name: 'Room 2' })],
    });
    fc.assert(
      fc.property(
        // Mostly visit events, so that visits go through several statuses (and get checked in) within one log.
        fc.array(
          fc.oneof(
            {
              weight: 2,
              arbitrary: eventArbs(visitArb([DAY])).VisitStatusChanged as fc.Arbitrary<DomainEvent>,
            },
            { weight: 1, arbitrary: domainEventArb(visitArb([DAY])) },
          ),
          { minLength: 5, maxLength: 40 },
        ),
        fc.constantFrom(...displayPrivacyModes),
        (generated, privacy) => {
          const log = asServerLog(generated);
          coverage.see(log);
          const consoleBoard = log.reduce(applyFlowBoardEvent, console0);
          const display = log
            .map((e) => projectForDisplay(e, privacy))
            .filter((e): e is DisplayEvent => e !== null)
            .reduce(applyDisplayEvent, projectFlowBoardForDisplay(console0, privacy));
          expect(display).toEqual(projectFlowBoardForDisplay(consoleBoard, privacy));
        },
      ),
      { numRuns: 300 },
    );
    expect(coverage.missing(domainEventTypes)).toEqual([]);
  });
});

describe('nowCalling', () => {
  it('lists called patients newest first with the room name they go to', () => {
    const b = board({
      rooms: [room('r1', 'Room 1', 'occupied'), room('r2', 'Exam B', 'occupied')],
      visits: [
        dv({ id: 'a', label: 'A-001', status: 'called', roomId: 'r1', statusSince: iso(5) }),
        dv({ id: 'b', label: 'A-002', status: 'called', roomId: 'r2', statusSince: iso(9) }),
        dv({ id: 'c', label: 'A-003', status: 'in_room', roomId: 'r1', statusSince: iso(12) }),
        dv({ id: 'd', label: 'A-004', status: 'waiting', statusSince: iso(20) }),
      ],
    });
    expect(nowCalling(b)).toEqual([
      { id: 'b', label: 'A-002', roomName: 'Exam B', calledAt: iso(9) },
      { id: 'a', label: 'A-001', roomName: 'Room 1', calledAt: iso(5) },
    ]);
  });
  it('shows an empty room name rather than an id when the room is unknown', () => {
    const b = board({ visits: [dv({ id: 'a', status: 'called', roomId: 'r-missing' })] });
    expect(nowCalling(b)[0]?.roomName).toBe('');
  });
});

describe('waitingQueue', () => {
  const two = [1, 2].map((i) => ({ id: `dr${i}`, name: `Dr. ${i}` }));
  const now = new Date(iso(60));
  it('is in queue order (by time queued, not last change), each estimate from the rooms and the queue ahead', () => {
    const b = board({
      providers: two,
      rooms: [room('r1', 'Room 1'), room('r2', 'Room 2')],
      visits: [
        dv({ id: 'c', status: 'waiting', queuedAt: iso(30), statusSince: iso(30) }),
        dv({ id: 'a', status: 'waiting', queuedAt: iso(10), statusSince: iso(50) }),
        dv({ id: 'e', status: 'waiting', queuedAt: iso(50), statusSince: iso(50) }),
        dv({ id: 'b', status: 'waiting', queuedAt: iso(20), statusSince: iso(20) }),
        dv({ id: 'd', status: 'waiting', queuedAt: iso(40), statusSince: iso(40) }),
        dv({ id: 'x', status: 'in_room', roomId: 'r1', queuedAt: iso(0), calledAt: iso(0) }),
      ],
    });
    const q = waitingQueue(b, now, 15);
    expect(q.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(q.map((t) => t.estimatedMinutes)).toEqual([0, 5, 15, 20, 30]);
    expect(q[0]?.waitingSince).toBe(iso(10));
  });

  it('rooms out of service slow the queue; so does having fewer providers than rooms', () => {
    const visits = [1, 2, 3].map((i) => dv({ id: `w${i}`, status: 'waiting', queuedAt: iso(i) }));
    const est = (o: Parameters<typeof board>[0]) =>
      waitingQueue(board({ ...o, visits }), now, 10).map((t) => t.estimatedMinutes);
    expect(est({ providers: two, rooms: [room('r1', 'Room 1'), room('r2', 'Room 2')] })).toEqual([0, 0, 10]);
    expect(
      est({ providers: two, rooms: [room('r1', 'Room 1'), room('r2', 'Room 2', 'out_of_service')] }),
    ).toEqual([0, 10, 20]);
    expect(est({ providers: two.slice(0, 1), rooms: [room('r1', 'Room 1'), room('r2', 'Room 2')] })).toEqual([
      0, 10, 20,
    ]);
    expect(est({ providers: two, rooms: [] })).toEqual([0, 10, 20]);
  });

  it('each provider’s patients wait for that provider, counting what the one in the room has left', () => {
    const b = board({
      providers: two,
      rooms: [room('r1', 'Room 1'), room('r2', 'Room 2'), room('r3', 'Room 3')],
      visits: [
        dv({ id: 'in', status: 'with_provider', providerId: 'dr1', roomId: 'r1', calledAt: iso(55) }),
        dv({ id: 'w1', status: 'waiting', providerId: 'dr1', queuedAt: iso(1) }),
        dv({ id: 'w2', status: 'waiting', providerId: 'dr1', queuedAt: iso(2) }),
        dv({ id: 'w3', status: 'waiting', providerId: 'dr2', queuedAt: iso(3) }),
      ],
    });
    const q = waitingQueue(b, now, 15);
    expect(Object.fromEntries(q.map((t) => [t.id, t.estimatedMinutes]))).toEqual({ w1: 10, w2: 25, w3: 0 });
  });

  it('property: queue order; for one provider, never-decreasing estimates in steps of 5', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            q: fc.nat(500),
            s: fc.nat(500),
            status: fc.constantFrom('waiting' as const, 'called' as const, 'in_room' as const),
          }),
          { maxLength: 25 },
        ),
        fc.array(fc.constantFrom<RoomStatus>('available', 'occupied', 'out_of_service'), { maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (vs, roomStatuses, perPatient) => {
          const b = board({
            rooms: roomStatuses.map((s, i) => room(`r${i}`, `Room ${i}`, s)),
            visits: vs.map((v, i) =>
              dv({
                id: `v${String(i).padStart(2, '0')}`,
                status: v.status,
                providerId: 'dr1',
                queuedAt: iso(v.q),
                statusSince: iso(v.s),
              }),
            ),
          });
          const q = waitingQueue(b, new Date(iso(500)), perPatient);
          expect(q).toHaveLength(vs.filter((v) => v.status === 'waiting').length);
          q.forEach((t, i) => {
            expect(t.estimatedMinutes % 5).toBe(0);
            expect(t.estimatedMinutes).toBeGreaterThanOrEqual(0);
            if (i === 0) return;
            const prev = q[i - 1]!;
            expect(prev.waitingSince <= t.waitingSince).toBe(true);
            expect(t.estimatedMinutes).toBeGreaterThanOrEqual(prev.estimatedMinutes);
          });
        },
      ),
    );
  });
});

describe('roomTiles', () => {
  it('shows who is in an occupied room and with which provider, rooms in natural order', () => {
    const b = board({
      providers: [{ id: 'dr1', name: 'Dr. Okafor' }],
      rooms: [
        room('r10', 'Room 10'),
        room('r2', 'Room 2', 'occupied'),
        room('r1', 'Room 1', 'needs_cleaning'),
        room('r3', 'Room 3', 'occupied'),
      ],
      visits: [
        dv({ id: 'a', label: 'A-007', status: 'with_provider', roomId: 'r2', providerId: 'dr1' }),
        dv({ id: 'b', label: 'A-008', status: 'called', roomId: 'r3', providerId: 'dr-unknown' }),
        dv({ id: 'c', label: 'A-009', status: 'waiting', roomId: 'r10' }),
      ],
    });
    const tiles = roomTiles(b);
    expect(tiles.map((t) => t.name)).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 10']);
    expect(tiles[1]).toMatchObject({
      id: 'r2',
      status: 'occupied',
      occupantLabel: 'A-007',
      providerName: 'Dr. Okafor',
    });
    expect(tiles[2]).toMatchObject({ occupantLabel: 'A-008', providerName: null });
    expect(tiles[0]).toMatchObject({ occupantLabel: null, providerName: null, status: 'needs_cleaning' });
    // A waiting patient is not in a room, whatever a stale roomId says.
    expect(tiles[3]).toMatchObject({ occupantLabel: null });
  });
});
