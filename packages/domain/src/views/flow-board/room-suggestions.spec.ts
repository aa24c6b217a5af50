import { describe, expect, it } from 'vitest';
import type { Equipment } from '../../equipment/equipment';
import type { AppointmentType } from '../../scheduling/appointment-type';
import { at, clinic, iso, makeRoom, makeVisit } from '../../testing/fixtures';
import { applyFlowBoardEvent } from './reduce';
import { roomLacks, suggestRooms } from './room-suggestions';
import { emptyFlowBoard } from './state';

const ecgCheck: AppointmentType = {
  id: 't-ecg',
  clinicId: 'c1',
  name: 'ECG check',
  durationMinutes: 20,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  roomFeatures: ['ecg'],
  equipmentKinds: [],
  active: true,
  version: 1,
};
const scan: AppointmentType = { ...ecgCheck, id: 't-scan', roomFeatures: [], equipmentKinds: ['ultrasound'] };
const probe = (roomId: string, status: Equipment['status']): Equipment => ({
  id: `e-${roomId}`,
  clinicId: 'c1',
  name: 'Ultrasound',
  roomId,
  kind: 'ultrasound',
  status,
  version: 1,
});

const board = () =>
  emptyFlowBoard({
    clinic,
    day: '2026-03-02',
    providers: [{ id: 'dr1', name: 'Dr. Okafor', delayMinutes: 0, staffId: 's1' }],
    rooms: [
      makeRoom({ id: 'r1', name: 'Room 1', features: ['exam_table'] }),
      makeRoom({ id: 'r2', name: 'Room 2', features: ['ecg'] }),
      makeRoom({ id: 'r3', name: 'Room 3', features: ['ecg'], status: 'occupied', visitId: 'v9' }),
      makeRoom({ id: 'r10', name: 'Room 10', features: ['ecg'] }),
      makeRoom({ id: 'r4', name: 'Room 4', features: ['ecg'] }),
    ],
    equipment: [probe('r1', 'in_service'), probe('r2', 'out_of_service')],
    appointmentTypes: [ecgCheck, scan],
    roomShifts: [
      // Dr. Okafor holds rooms 10 and 4 this morning, room 2 later.
      {
        id: 'sh1',
        staffId: 's1',
        kind: 'rooms',
        startsAt: iso(-60),
        endsAt: iso(120),
        roomIds: ['r10', 'r4'],
        note: null,
      },
      {
        id: 'sh2',
        staffId: 's1',
        kind: 'rooms',
        startsAt: iso(120),
        endsAt: iso(240),
        roomIds: ['r2'],
        note: null,
      },
    ],
  });
const names = (rooms: { room: { name: string } }[]) => rooms.map((r) => r.room.name);

describe('suggestRooms', () => {
  it('lists free rooms that fit first, the provider’s rostered rooms of the moment in roster order ahead', () => {
    const s = suggestRooms({ board: board(), visit: makeVisit({ appointmentTypeId: 't-ecg' }), now: at(0) });
    expect(names(s.fitting)).toEqual(['Room 10', 'Room 4', 'Room 2']);
    expect(s.fitting.map((r) => r.rostered)).toEqual([true, true, false]);
    expect(s.unfit).toEqual([
      expect.objectContaining({ room: expect.objectContaining({ id: 'r1' }), lacks: 'no ECG' }),
    ]);
  });

  it('follows the roster through the day: later, another room is the provider’s', () => {
    const s = suggestRooms({
      board: board(),
      visit: makeVisit({ appointmentTypeId: 't-ecg' }),
      now: at(150),
    });
    expect(names(s.fitting)).toEqual(['Room 2', 'Room 4', 'Room 10']);
    expect(s.fitting[0]?.rostered).toBe(true);
  });

  it('counts equipment only in working order and in the room', () => {
    const s = suggestRooms({ board: board(), visit: makeVisit({ appointmentTypeId: 't-scan' }), now: at(0) });
    expect(names(s.fitting)).toEqual(['Room 1']);
    expect(s.unfit.map((u) => [u.room.name, u.lacks])).toEqual([
      ['Room 2', 'ultrasound out of service'],
      ['Room 4', 'no ultrasound'],
      ['Room 10', 'no ultrasound'],
    ]);
  });

  it('without a type every free room fits; without a rostered provider they go by name', () => {
    const s = suggestRooms({ board: board(), visit: makeVisit({ providerId: null }), now: at(0) });
    expect(names(s.fitting)).toEqual(['Room 1', 'Room 2', 'Room 4', 'Room 10']);
    expect(s.unfit).toEqual([]);
  });

  it('keeps up with the live board: a taken room leaves, a room fitted or rostered later joins', () => {
    let b = board();
    const r10 = b.rooms.r10!;
    b = applyFlowBoardEvent(b, {
      type: 'RoomStatusChanged',
      payload: { room: { ...r10, status: 'occupied', visitId: 'v8', version: 2 }, from: 'available' },
    });
    b = applyFlowBoardEvent(b, {
      type: 'RosterChanged',
      payload: {
        staffId: 's1',
        what: 'shift',
        removed: false,
        shift: {
          id: 'sh1',
          staffId: 's1',
          kind: 'rooms',
          startsAt: iso(-60),
          endsAt: iso(120),
          roomIds: ['r2'],
          note: null,
        },
      },
    });
    const s = suggestRooms({ board: b, visit: makeVisit({ appointmentTypeId: 't-ecg' }), now: at(0) });
    expect(names(s.fitting)).toEqual(['Room 2', 'Room 4']);
    expect(s.fitting.map((r) => r.rostered)).toEqual([true, false]);
  });
});

describe('roomLacks', () => {
  it('names every missing feature and item in a few words', () => {
    const type = { roomFeatures: ['ecg', 'wheelchair'], equipmentKinds: ['ultrasound'] };
    expect(roomLacks({ type, room: { id: 'r1', features: [] }, equipment: [] })).toEqual([
      'no ECG',
      'no wheelchair access',
      'no ultrasound',
    ]);
  });
});
