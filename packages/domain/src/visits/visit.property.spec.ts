import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  finalVisitStatuses,
  transitionVisit,
  visitActionNames,
  visitActions,
  visitStatuses,
  type Visit,
  type VisitAction,
  type VisitStatus,
} from './visit';
import { changeRoomStatus, type Room, type RoomAction } from '../rooms/room';
import type { ActorClass } from '../shared/actor';
import { actorOf, at, makeRoom, makeVisit } from '../testing/fixtures';
import { allActorClasses, holdsRoomIn } from './visit.fixtures';

describe('property: a random clinic day never yields an inconsistent world', () => {
  /**
   * A step is either a random attempt (any action, any actor: mostly refused) or a plausible one (an action the
   * visit's status allows, by an actor the rule allows), so that runs reach rooms, consults and check-outs.
   */
  type Step =
    | {
        kind: 'visit';
        plausible: boolean;
        action: VisitAction;
        actor: ActorClass;
        pick: number;
        visit: number;
        room: number;
        roomChoice: 'held' | 'pick' | 'none';
      }
    | { kind: 'room'; action: RoomAction; actor: ActorClass; room: number };

  const actorArb = fc.constantFrom(...allActorClasses);
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('visit' as const),
        plausible: fc.boolean(),
        action: fc.constantFrom(...visitActionNames),
        actor: actorArb,
        pick: fc.nat(),
        visit: fc.nat(2),
        room: fc.nat(1),
        roomChoice: fc.constantFrom(
          'held' as const,
          'held' as const,
          'held' as const,
          'pick' as const,
          'none' as const,
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('room' as const),
        action: fc.constantFrom<RoomAction>('markCleaned', 'takeOutOfService', 'returnToService'),
        actor: actorArb,
        room: fc.nat(1),
      }),
    },
  );

  function check(visits: Visit[], rooms: Room[]) {
    for (const room of rooms) {
      const holders = visits.filter((v) => holdsRoomIn(v.status) && v.roomId === room.id);
      if (room.status === 'occupied') {
        expect(holders).toHaveLength(1);
        expect(room.visitId).toBe(holders[0]!.id);
      } else {
        expect(holders).toHaveLength(0);
        expect(room.visitId).toBeNull();
      }
    }
    for (const v of visits) {
      if (holdsRoomIn(v.status)) expect(v.roomId).not.toBeNull();
      if (v.status === 'waiting' || v.status === 'arrived' || v.status === 'booked')
        expect(v.roomId).toBeNull();
      expect(v.times[v.status]! <= v.statusSince).toBe(true);
    }
  }

  it('keeps rooms and visits in step, never leaves a final status, and bumps versions', () => {
    const reached = new Set<VisitStatus>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 60, size: 'max' }), (steps) => {
        const visits: Visit[] = [0, 1, 2].map((i) =>
          makeVisit({ id: `v${i}`, patientId: `p${i}`, version: 1 }),
        );
        const rooms: Room[] = [0, 1].map((i) => makeRoom({ id: `r${i}`, name: `Room ${i + 1}`, version: 1 }));
        check(visits, rooms);
        steps.forEach((step, i) => {
          const now = at(i + 1);
          if (step.kind === 'room') {
            const before = rooms[step.room]!;
            const r = changeRoomStatus({
              room: before,
              action: step.action,
              actor: actorOf(step.actor),
              now,
            });
            if (r.ok) {
              expect(r.value.version).toBe(before.version + 1);
              rooms[step.room] = r.value;
            }
          } else {
            const before = visits[step.visit]!;
            let { action, actor } = step;
            if (step.plausible) {
              const legal = visitActionNames.filter((a) =>
                (visitActions[a].from as readonly VisitStatus[]).includes(before.status),
              );
              // Mostly move the patient along; sometimes end the visit early.
              const onward = legal.filter((a) => !finalVisitStatuses.includes(visitActions[a].to));
              const candidates = step.pick % 4 !== 0 && onward.length > 0 ? onward : legal;
              if (candidates.length > 0) {
                action = candidates[Math.floor(step.pick / 4) % candidates.length]!;
                const by = visitActions[action].by;
                actor = by[Math.floor(step.pick / 16) % by.length]!;
              }
            }
            const held = rooms.find((r) => r.id === before.roomId) ?? null;
            const room =
              action === 'call' || step.roomChoice === 'pick'
                ? rooms[step.room]!
                : step.roomChoice === 'held'
                  ? held
                  : null;
            const r = transitionVisit({ visit: before, action, actor: actorOf(actor), now, room });
            if (finalVisitStatuses.includes(before.status)) expect(r.ok).toBe(false);
            if (r.ok) {
              expect(r.value.visit.id).toBe(before.id);
              expect(r.value.visit.version).toBe(before.version + 1);
              visits[step.visit] = r.value.visit;
              reached.add(r.value.visit.status);
              if (r.value.room) {
                const idx = rooms.findIndex((x) => x.id === r.value.room!.id);
                expect(idx).toBeGreaterThanOrEqual(0);
                expect(r.value.room.version).toBe(rooms[idx]!.version + 1);
                rooms[idx] = r.value.room;
              }
            }
          }
          check(visits, rooms);
        });
      }),
      { numRuns: 500 },
    );
    // The generator is only worth something if it reaches every status.
    expect([...reached].sort()).toEqual(visitStatuses.filter((s) => s !== 'booked').sort());
    // 500 whole days take seconds; on a loaded CI machine more than vitest's default 5 s.
  }, 60_000);
});
