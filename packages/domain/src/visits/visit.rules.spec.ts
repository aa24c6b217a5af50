import { describe, it, expect } from 'vitest';
import {
  finalVisitStatuses,
  transitionVisit,
  visitActionNames,
  visitActions,
  visitActionsFrom,
  visitStatuses,
  type VisitAction,
  type VisitStatus,
} from './visit';
import type { Room } from '../rooms/room';
import type { ActorClass } from '../shared/actor';
import { actorOf, at, iso, makeRoom, makeVisit } from '../testing/fixtures';
import { allActorClasses, holdsRoomIn, visitIn } from './visit.fixtures';

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
