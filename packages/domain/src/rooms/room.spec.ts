import { describe, it, expect } from 'vitest';
import {
  changeRoomStatus,
  roomUnavailableMessage,
  roomActions,
  roomActionsFrom,
  roomStatuses,
  type RoomAction,
  type RoomStatus,
} from './room';
import { deviceTypes, staffRoles } from '../shared/actor';
import { actorOf, at, makeRoom } from '../testing/fixtures';

const expected: Record<RoomAction, { from: RoomStatus[]; to: RoomStatus }> = {
  markCleaned: { from: ['needs_cleaning'], to: 'available' },
  takeOutOfService: { from: ['available', 'needs_cleaning'], to: 'out_of_service' },
  returnToService: { from: ['out_of_service'], to: 'available' },
};
const actions = Object.keys(expected) as RoomAction[];

describe('changeRoomStatus', () => {
  it('has exactly the documented manual actions', () => {
    expect(Object.keys(roomActions).sort()).toEqual([...actions].sort());
    for (const a of actions)
      expect({ from: [...roomActions[a].from], to: roomActions[a].to }).toEqual(expected[a]);
  });

  for (const action of actions) {
    for (const from of expected[action].from) {
      for (const cls of [...staffRoles, 'system' as const]) {
        it(`${cls} may ${action} a room that is ${from}`, () => {
          const room = makeRoom({ status: from, version: 5 });
          const now = at(12);
          const r = changeRoomStatus({ room, action, actor: actorOf(cls), now });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value).toMatchObject({
            id: room.id,
            name: room.name,
            status: expected[action].to,
            statusSince: now.toISOString(),
            visitId: null,
            version: 6,
          });
          expect(room.status).toBe(from);
        });
      }
    }
    for (const from of roomStatuses.filter((s) => !expected[action].from.includes(s))) {
      it(`refuses to ${action} a room that is ${from}`, () => {
        const room = makeRoom({ name: 'Room 4', status: from, visitId: from === 'occupied' ? 'v1' : null });
        const r = changeRoomStatus({ room, action, actor: actorOf('admin'), now: at(1) });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.code).toBe('ILLEGAL_TRANSITION');
        expect(r.message).toContain('Room 4');
        expect(r.message).toContain(from.replace(/_/g, ' '));
      });
    }
    for (const type of deviceTypes) {
      it(`a ${type} may not ${action}`, () => {
        const room = makeRoom({ status: expected[action].from[0]! });
        expect(changeRoomStatus({ room, action, actor: actorOf(type), now: at(1) })).toMatchObject({
          ok: false,
          code: 'NOT_ALLOWED',
        });
      });
    }
  }

  it('an occupied room cannot be taken out of service or marked cleaned under a patient', () => {
    const room = makeRoom({ status: 'occupied', visitId: 'v1' });
    for (const action of actions) {
      expect(changeRoomStatus({ room, action, actor: actorOf('admin'), now: at(1) })).toMatchObject({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
      });
    }
  });

  it('reads the refusal in words', () => {
    const r = changeRoomStatus({
      room: makeRoom({ name: 'Room 3', status: 'available' }),
      action: 'markCleaned',
      actor: actorOf('nurse'),
      now: at(1),
    });
    expect(r).toMatchObject({ ok: false, message: 'Room 3 is available; cannot mark it cleaned.' });
  });
});

describe('the room changes a status offers', () => {
  it('are exactly the ones changeRoomStatus accepts from it', () => {
    for (const status of roomStatuses) {
      const accepted = (Object.keys(roomActions) as RoomAction[]).filter(
        (action) =>
          changeRoomStatus({ room: makeRoom({ status }), action, actor: actorOf('nurse'), now: at(1) }).ok,
      );
      expect(roomActionsFrom(status), status).toEqual(accepted);
    }
  });
});

describe('roomUnavailableMessage', () => {
  it('says what happened to the room and names the free ones in their natural order, or that there are none', () => {
    const rooms = [
      makeRoom({ id: 'a', name: 'Room 10', status: 'available' }),
      makeRoom({ id: 'b', name: 'Room 2', status: 'available' }),
      makeRoom({ id: 'c', name: 'Room 3', status: 'occupied' }),
      makeRoom({ id: 'd', name: 'Room 4', status: 'needs_cleaning' }),
    ];
    expect(roomUnavailableMessage(rooms[2]!, rooms)).toBe(
      'Room 3 was just taken; free rooms: Room 2, Room 10.',
    );
    expect(roomUnavailableMessage(rooms[3]!, rooms.slice(2))).toBe(
      'Room 4 needs cleaning first; no room is free right now.',
    );
  });
});
