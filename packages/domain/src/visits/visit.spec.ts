import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  finalVisitStatuses,
  transitionVisit,
  visitActionNames,
  visitActions,
  visitActionsFrom,
  visitStatuses,
  type Visit,
  type VisitAction,
  type VisitStatus,
} from './visit';
import { changeRoomStatus, type Room, type RoomAction } from '../rooms/room';
import { deviceTypes, staffRoles, type ActorClass } from '../shared/actor';
import { actorOf, at, iso, makeRoom, makeVisit } from '../testing/fixtures';

const allActorClasses: ActorClass[] = [...staffRoles, ...deviceTypes, 'system'];
const roomStatuses = ['called', 'in_room', 'with_provider'] as const satisfies readonly VisitStatus[];
const holdsRoomIn = (s: VisitStatus) => (roomStatuses as readonly VisitStatus[]).includes(s);

/**
 * The workflow written out independently of `visitActions`, so a change to the rule table is a visible, reviewed
 * change to this spec too.
 */
const expectedRules: Record<VisitAction, { from: VisitStatus[]; to: VisitStatus; by: ActorClass[] }> = {
  checkIn: {
    from: ['booked'],
    to: 'arrived',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'kiosk', 'system'],
  },
  queue: {
    from: ['arrived'],
    to: 'waiting',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'kiosk', 'system'],
  },
  call: {
    from: ['waiting'],
    to: 'called',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'physician', 'system'],
  },
  returnToWaiting: {
    from: ['called'],
    to: 'waiting',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'physician', 'system'],
  },
  enterRoom: {
    from: ['called'],
    to: 'in_room',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'physician', 'system'],
  },
  startConsult: {
    from: ['in_room'],
    to: 'with_provider',
    by: ['nurse', 'physician', 'coordinator', 'admin', 'system'],
  },
  checkOut: {
    from: ['in_room', 'with_provider'],
    to: 'checked_out',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'physician', 'system'],
  },
  markNoShow: { from: ['booked'], to: 'no_show', by: ['front_desk', 'coordinator', 'admin', 'system'] },
  cancel: {
    from: ['booked', 'arrived', 'waiting'],
    to: 'cancelled',
    by: ['front_desk', 'coordinator', 'admin', 'system'],
  },
  markLeftWithoutBeingSeen: {
    from: ['arrived', 'waiting', 'called'],
    to: 'left_without_being_seen',
    by: ['front_desk', 'coordinator', 'admin', 'nurse', 'system'],
  },
};

/** A visit in `status` with whatever a real one in that status would have (a room once called). */
function visitIn(
  status: VisitStatus,
  overrides: Partial<Visit> = {},
): { visit: Visit; heldRoom: Room | null } {
  const since = status === 'booked' ? iso(-60) : iso(-5);
  const base = { status, times: { booked: iso(-60), [status]: since }, statusSince: since, version: 4 };
  if (holdsRoomIn(status)) {
    const visit = makeVisit({ ...base, roomId: 'r1', ...overrides });
    return { visit, heldRoom: makeRoom({ status: 'occupied', visitId: visit.id, version: 7 }) };
  }
  return { visit: makeVisit({ ...base, ...overrides }), heldRoom: null };
}

/** The room a well-behaved service passes: a free room to call to, else the room the visit holds. */
function roomFor(action: VisitAction, heldRoom: Room | null): Room | null {
  return action === 'call' ? makeRoom({ id: 'r2', name: 'Room 2', status: 'available' }) : heldRoom;
}

describe('visitActions rule table', () => {
  it('is exactly the documented workflow', () => {
    expect([...visitActionNames].sort()).toEqual(Object.keys(expectedRules).sort());
    for (const name of visitActionNames) {
      const rule = visitActions[name];
      expect([...rule.from].sort(), name).toEqual([...expectedRules[name].from].sort());
      expect(rule.to, name).toBe(expectedRules[name].to);
      expect([...new Set(rule.by)].sort(), name).toEqual([...expectedRules[name].by].sort());
    }
  });

  it('never leads out of a final status', () => {
    for (const name of visitActionNames) {
      for (const from of visitActions[name].from) expect(finalVisitStatuses).not.toContain(from);
    }
  });
});

describe('transitionVisit: who may do what from where', () => {
  for (const action of visitActionNames) {
    const rule = expectedRules[action];
    describe(action, () => {
      for (const from of rule.from) {
        for (const cls of rule.by) {
          it(`${cls} may ${action} a ${from} visit → ${rule.to}`, () => {
            const { visit, heldRoom } = visitIn(from);
            const now = at(3);
            const r = transitionVisit({
              visit,
              action,
              actor: actorOf(cls),
              now,
              room: roomFor(action, heldRoom),
            });
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            expect(r.value.visit.status).toBe(rule.to);
            expect(r.value.visit.statusSince).toBe(now.toISOString());
            expect(r.value.visit.times[rule.to]).toBe(now.toISOString());
            // Earlier milestones are kept.
            expect(r.value.visit.times.booked).toBe(iso(-60));
            expect(r.value.visit.version).toBe(visit.version + 1);
            // The input is not mutated: the caller still holds the state it read.
            expect(visit.status).toBe(from);
            expect(visit.version).toBe(4);
          });
        }
      }

      for (const from of visitStatuses.filter((s) => !rule.from.includes(s))) {
        it(`refuses to ${action} a ${from} visit (ILLEGAL_TRANSITION)`, () => {
          const { visit, heldRoom } = visitIn(from);
          const r = transitionVisit({
            visit,
            action,
            actor: actorOf('admin'),
            now: at(3),
            room: roomFor(action, heldRoom),
          });
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.code).toBe('ILLEGAL_TRANSITION');
          // The reason names the current status in words a person reads.
          expect(r.message).toContain(from.replace(/_/g, ' '));
          expect(r.message).not.toMatch(/_/);
        });
      }

      for (const cls of allActorClasses.filter((c) => !rule.by.includes(c))) {
        it(`refuses ${cls} (NOT_ALLOWED) even from an allowed status`, () => {
          const from = rule.from[0]!;
          const { visit, heldRoom } = visitIn(from);
          const r = transitionVisit({
            visit,
            action,
            actor: actorOf(cls),
            now: at(3),
            room: roomFor(action, heldRoom),
          });
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.code).toBe('NOT_ALLOWED');
          expect(r.message.length).toBeGreaterThan(0);
        });
      }
    });
  }

  it('a kiosk can check a patient in and queue them, but cannot call them', () => {
    const kiosk = actorOf('kiosk');
    const checkedIn = transitionVisit({ visit: makeVisit(), action: 'checkIn', actor: kiosk, now: at(1) });
    expect(checkedIn.ok && checkedIn.value.visit.status).toBe('arrived');
    const { visit } = visitIn('waiting');
    const r = transitionVisit({ visit, action: 'call', actor: kiosk, now: at(2), room: makeRoom() });
    expect(r).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('a waiting-room display and a room-status display can do nothing at all', () => {
    for (const cls of ['waiting_room_display', 'room_status_display'] as const) {
      for (const action of visitActionNames) {
        for (const from of visitStatuses) {
          const { visit, heldRoom } = visitIn(from);
          const r = transitionVisit({
            visit,
            action,
            actor: actorOf(cls),
            now: at(1),
            room: roomFor(action, heldRoom),
          });
          expect(r, `${cls} ${action} ${from}`).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
        }
      }
    }
  });

  it('front desk cannot start a consult; a physician can', () => {
    const { visit, heldRoom } = visitIn('in_room');
    expect(
      transitionVisit({
        visit,
        action: 'startConsult',
        actor: actorOf('front_desk'),
        now: at(1),
        room: heldRoom,
      }),
    ).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(
      transitionVisit({
        visit,
        action: 'startConsult',
        actor: actorOf('physician'),
        now: at(1),
        room: heldRoom,
      }).ok,
    ).toBe(true);
  });

  it('a nurse cannot mark a no-show or cancel', () => {
    for (const action of ['markNoShow', 'cancel'] as const) {
      expect(
        transitionVisit({ visit: makeVisit(), action, actor: actorOf('nurse'), now: at(1) }),
      ).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    }
  });

  it('the not-allowed message reads as words', () => {
    const r = transitionVisit({
      visit: makeVisit(),
      action: 'markNoShow',
      actor: actorOf('kiosk'),
      now: at(1),
    });
    expect(r).toMatchObject({ ok: false, code: 'NOT_ALLOWED', message: 'You may not mark no show a visit.' });
  });
});

describe('transitionVisit: rooms', () => {
  const waiting = () => visitIn('waiting').visit;
  const nurse = actorOf('nurse');

  it('call requires a room', () => {
    for (const room of [undefined, null]) {
      const r = transitionVisit({ visit: waiting(), action: 'call', actor: nurse, now: at(1), room });
      expect(r).toMatchObject({ ok: false, code: 'ROOM_REQUIRED' });
    }
  });

  it('call refuses a room that is not available, naming it and its status', () => {
    for (const status of ['occupied', 'needs_cleaning', 'out_of_service'] as const) {
      const room = makeRoom({ name: 'Room 7', status, visitId: status === 'occupied' ? 'other' : null });
      const r = transitionVisit({ visit: waiting(), action: 'call', actor: nurse, now: at(1), room });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe('ROOM_NOT_AVAILABLE');
      expect(r.message).toContain('Room 7');
      expect(r.message).toContain(status.replace(/_/g, ' '));
    }
  });

  it('call occupies the room with the visit and points the visit at it', () => {
    const room = makeRoom({ id: 'r9', name: 'Room 9', version: 3 });
    const now = at(4);
    const r = transitionVisit({ visit: waiting(), action: 'call', actor: nurse, now, room });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.visit).toMatchObject({ status: 'called', roomId: 'r9' });
    expect(r.value.room).toMatchObject({
      id: 'r9',
      status: 'occupied',
      visitId: 'v1',
      statusSince: now.toISOString(),
      version: 4,
    });
  });

  it('enterRoom and startConsult keep the room and leave it untouched', () => {
    const start = visitIn('called');
    const heldRoom = start.heldRoom;
    let visit = start.visit;
    for (const action of ['enterRoom', 'startConsult'] as const) {
      const r = transitionVisit({ visit, action, actor: actorOf('physician'), now: at(2), room: heldRoom });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.visit.roomId).toBe('r1');
      expect(r.value.room).toBeNull();
      visit = r.value.visit;
    }
    expect(heldRoom).toMatchObject({ status: 'occupied', visitId: 'v1' });
  });

  for (const from of ['in_room', 'with_provider'] as const) {
    it(`checkOut from ${from} leaves the room needing cleaning`, () => {
      const { visit, heldRoom } = visitIn(from);
      const now = at(30);
      const r = transitionVisit({
        visit,
        action: 'checkOut',
        actor: actorOf('front_desk'),
        now,
        room: heldRoom,
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.visit.status).toBe('checked_out');
      expect(r.value.room).toMatchObject({
        id: 'r1',
        status: 'needs_cleaning',
        visitId: null,
        statusSince: now.toISOString(),
        version: 8,
      });
    });
  }

  for (const action of ['returnToWaiting', 'markLeftWithoutBeingSeen'] as const) {
    it(`${action} from called frees the room (available, never used) and clears visit.roomId`, () => {
      const { visit, heldRoom } = visitIn('called');
      const now = at(6);
      const r = transitionVisit({ visit, action, actor: actorOf('coordinator'), now, room: heldRoom });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.visit.roomId).toBeNull();
      expect(r.value.room).toMatchObject({
        id: 'r1',
        status: 'available',
        visitId: null,
        statusSince: now.toISOString(),
        version: 8,
      });
    });
  }

  // Regression: these used to succeed and leave the room occupied by a visit that had gone, with no way to free it
  // (no room action leaves `occupied`).
  for (const [action, from] of [
    ['checkOut', 'in_room'],
    ['checkOut', 'with_provider'],
    ['returnToWaiting', 'called'],
    ['markLeftWithoutBeingSeen', 'called'],
  ] as const) {
    it(`${action} from ${from} refuses without the held room (ROOM_REQUIRED)`, () => {
      const { visit } = visitIn(from);
      const other = makeRoom({ id: 'r2', name: 'Room 2', status: 'occupied', visitId: 'v-other' });
      for (const room of [null, undefined, other, makeRoom({ id: 'r3' })]) {
        const r = transitionVisit({ visit, action, actor: actorOf('admin'), now: at(1), room });
        expect(r).toMatchObject({ ok: false, code: 'ROOM_REQUIRED' });
      }
    });
  }

  it('markLeftWithoutBeingSeen from the waiting room touches no room', () => {
    const r = transitionVisit({
      visit: waiting(),
      action: 'markLeftWithoutBeingSeen',
      actor: actorOf('nurse'),
      now: at(1),
    });
    expect(r.ok && r.value).toMatchObject({
      visit: { status: 'left_without_being_seen', roomId: null },
      room: null,
    });
  });

  it('actor and status are checked before the room, so the reason is the real one', () => {
    const full = makeRoom({ status: 'out_of_service' });
    expect(
      transitionVisit({ visit: waiting(), action: 'call', actor: actorOf('kiosk'), now: at(1), room: full }),
    ).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(
      transitionVisit({ visit: makeVisit(), action: 'call', actor: nurse, now: at(1), room: null }),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('a full day: booked → arrived → waiting → called → in room → with provider → checked out', () => {
    let visit = makeVisit();
    let room: Room = makeRoom();
    const steps: [VisitAction, ActorClass][] = [
      ['checkIn', 'kiosk'],
      ['queue', 'kiosk'],
      ['call', 'nurse'],
      ['enterRoom', 'nurse'],
      ['startConsult', 'physician'],
      ['checkOut', 'front_desk'],
    ];
    steps.forEach(([action, cls], i) => {
      const r = transitionVisit({ visit, action, actor: actorOf(cls), now: at(i + 1), room });
      expect(r.ok, action).toBe(true);
      if (!r.ok) return;
      visit = r.value.visit;
      if (r.value.room) room = r.value.room;
    });
    expect(visit.status).toBe('checked_out');
    expect(visit.version).toBe(7);
    expect(Object.keys(visit.times).sort()).toEqual(
      ['arrived', 'booked', 'called', 'checked_out', 'in_room', 'waiting', 'with_provider'].sort(),
    );
    expect(visit.times.called).toBe(at(3).toISOString());
    expect(room).toMatchObject({ status: 'needs_cleaning', visitId: null, version: 3 });
    const cleaned = changeRoomStatus({ room, action: 'markCleaned', actor: actorOf('nurse'), now: at(40) });
    expect(cleaned.ok && cleaned.value.status).toBe('available');
  });
});

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

describe('a patient sent back to the waiting room', () => {
  it('keeps their place in line: the time they first joined the queue is kept', () => {
    const desk = actorOf('coordinator');
    const room = makeRoom({ id: 'r1' });
    const waiting = makeVisit({ status: 'waiting', statusSince: iso(0), times: { waiting: iso(0) } });
    const called = transitionVisit({ visit: waiting, action: 'call', actor: desk, now: at(20), room });
    if (!called.ok) throw new Error(called.message);
    const back = transitionVisit({
      visit: called.value.visit,
      action: 'returnToWaiting',
      actor: desk,
      now: at(25),
      room: called.value.room,
    });
    if (!back.ok) throw new Error(back.message);
    expect(back.value.visit.times.waiting).toBe(iso(0));
    expect(back.value.visit.statusSince).toBe(iso(25));
  });
});

describe('a patient called a second time', () => {
  it('records the latest call, while the queue time stays the first', () => {
    const desk = actorOf('coordinator');
    let visit = makeVisit({ status: 'waiting', statusSince: iso(0), times: { waiting: iso(0) } });
    let room: Room | null = makeRoom({ id: 'r1' });
    for (const [action, minute] of [
      ['call', 10],
      ['returnToWaiting', 12],
      ['call', 30],
      ['enterRoom', 32],
    ] as const) {
      const next = transitionVisit({ visit, action, actor: desk, now: at(minute), room });
      if (!next.ok) throw new Error(next.message);
      visit = next.value.visit;
      room = next.value.room ?? room;
    }
    expect(visit.times.called).toBe(iso(30));
    expect(visit.times.waiting).toBe(iso(0));
  });
});

describe('the actions a status offers', () => {
  it('are exactly the ones the state machine accepts from it', () => {
    for (const status of visitStatuses) {
      const accepted = visitActionNames.filter((action) => {
        const visit = makeVisit({ status, roomId: holdsRoomIn(status) ? 'r1' : null });
        const room = makeRoom({ id: 'r1', status: action === 'call' ? 'available' : 'occupied' });
        return transitionVisit({ visit, action, actor: actorOf('system'), now: at(1), room }).ok;
      });
      expect(visitActionsFrom(status), status).toEqual(accepted);
    }
  });
});
