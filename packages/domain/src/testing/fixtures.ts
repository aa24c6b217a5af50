/** Builders shared by the domain's spec files. Not exported from the package. */
import type { Clinic } from '../clinic/clinic';
import type { Room } from '../rooms/room';
import type { Actor, ActorClass } from '../shared/actor';
import type { Visit } from '../visits/visit';
import { defaultFlowSettings } from '../visits/visit-flags';

export const T0 = new Date('2026-03-02T14:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
export const iso = (minutes: number): string => at(minutes).toISOString();

export const clinic: Clinic = {
  id: 'c1',
  name: 'Maple Family Practice',
  timezone: 'America/New_York',
  displayPrivacy: 'ticket',
  askContactDetails: false,
  displayNotice: null,
  roomThresholds: {},
  flowSettings: defaultFlowSettings,
};

export function makeVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    clinicId: 'c1',
    day: '2026-03-02',
    appointmentId: null,
    appointmentTypeId: null,
    patientId: 'p1',
    patient: { firstName: 'Ada', lastName: 'Quenneville', dateOfBirth: '1961-07-14' },
    providerId: 'dr1',
    roomId: null,
    status: 'booked',
    statusSince: iso(0),
    ticketCode: 'A-001',
    scheduledAt: null,
    reason: 'Persistent cough',
    reasonCategory: 'illness',
    times: { booked: iso(0) },
    lateSince: null,
    noShowDueSince: null,
    checkInUnfinishedSince: null,
    version: 1,
    ...overrides,
  };
}

export function makeRoom(overrides: Partial<Room> = {}): Room {
  return {
    id: 'r1',
    clinicId: 'c1',
    name: 'Room 1',
    status: 'available',
    statusSince: iso(0),
    visitId: null,
    features: [],
    version: 1,
    ...overrides,
  };
}

/** An actor of the given class, so rule tables can be checked class by class. */
export function actorOf(cls: ActorClass): Actor {
  if (cls === 'system') return { kind: 'system' };
  if (cls === 'kiosk' || cls === 'waiting_room_display' || cls === 'room_status_display') {
    return { kind: 'device', id: `dev-${cls}`, type: cls };
  }
  return { kind: 'staff', id: `staff-${cls}`, role: cls };
}
