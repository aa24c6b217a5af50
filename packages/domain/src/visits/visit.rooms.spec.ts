import { describe, it, expect } from 'vitest';
import { transitionVisit, type VisitAction } from './visit';
import { changeRoomStatus, type Room } from '../rooms/room';
import type { ActorClass } from '../shared/actor';
import { actorOf, at, makeRoom, makeVisit } from '../testing/fixtures';
import { visitIn } from './visit.fixtures';

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
