import { ok, refuse, type Result } from '../shared/result';
import type { Room } from '../rooms/room';
import { actorClass, type Actor, type ActorClass } from '../shared/actor';

/** Aligned with FHIR Encounter/Appointment statuses; `arrived` = checked in and still at the kiosk or desk. */
export const visitStatuses = [
  'booked',
  'arrived',
  'waiting',
  'called',
  'in_room',
  'with_provider',
  'checked_out',
  'no_show',
  'cancelled',
  'left_without_being_seen',
] as const;
export type VisitStatus = (typeof visitStatuses)[number];

export const finalVisitStatuses: readonly VisitStatus[] = [
  'checked_out',
  'no_show',
  'cancelled',
  'left_without_being_seen',
];

export type PatientSummary = { firstName: string; lastName: string; dateOfBirth: string };

/** One patient's day in the office: the console's full view of it. */
export type Visit = {
  id: string;
  clinicId: string;
  /** Clinic-local day, YYYY-MM-DD. */
  day: string;
  appointmentId: string | null;
  /** The booked appointment's type (what it needs of a room); null for walk-ins and untyped bookings. */
  appointmentTypeId: string | null;
  patientId: string;
  patient: PatientSummary;
  providerId: string | null;
  roomId: string | null;
  status: VisitStatus;
  statusSince: string;
  ticketCode: string | null;
  scheduledAt: string | null;
  reason: string | null;
  /** A key of `reasonCategories`; decides which questionnaires are due. */
  reasonCategory: string | null;
  /**
   * When the visit last entered each status, except `waiting`: that one keeps the first time, so a patient sent
   * back to the waiting room keeps their place in line.
   */
  times: Partial<Record<VisitStatus, string>>;
  /** When the server flagged a booked patient as late (past the grace period, not arrived); null until then. */
  lateSince: string | null;
  /** When the server suggested a no-show (booked, not here past the no-show grace); null until then. */
  noShowDueSince: string | null;
  /** When the server saw the patient left `arrived` (intake not finished at the kiosk); null until then. */
  checkInUnfinishedSince: string | null;
  version: number;
};

/**
 * A booked patient not here `graceMinutes` after their time, not flagged yet: the server flags them (on its own
 * clock) so the desk can call, reschedule or cancel.
 */
export function isLate(visit: Visit, now: Date, graceMinutes: number): boolean {
  return (
    visit.status === 'booked' &&
    visit.lateSince === null &&
    visit.scheduledAt !== null &&
    Date.parse(visit.scheduledAt) + graceMinutes * 60_000 <= now.getTime()
  );
}

const desk: readonly ActorClass[] = ['front_desk', 'coordinator', 'admin'];
const clinical: readonly ActorClass[] = ['nurse', 'physician', 'coordinator', 'admin'];

/** Every visit transition: from which states, to which state, and who may make it. */
export const visitActions = {
  checkIn: { from: ['booked'], to: 'arrived', by: [...desk, 'nurse', 'kiosk', 'system'] },
  queue: { from: ['arrived'], to: 'waiting', by: [...desk, 'nurse', 'kiosk', 'system'] },
  call: { from: ['waiting'], to: 'called', by: [...desk, 'nurse', 'physician', 'system'] },
  returnToWaiting: { from: ['called'], to: 'waiting', by: [...desk, ...clinical, 'system'] },
  enterRoom: { from: ['called'], to: 'in_room', by: [...desk, ...clinical, 'system'] },
  startConsult: { from: ['in_room'], to: 'with_provider', by: [...clinical, 'system'] },
  checkOut: { from: ['in_room', 'with_provider'], to: 'checked_out', by: [...desk, ...clinical, 'system'] },
  markNoShow: { from: ['booked'], to: 'no_show', by: [...desk, 'system'] },
  cancel: { from: ['booked', 'arrived', 'waiting'], to: 'cancelled', by: [...desk, 'system'] },
  markLeftWithoutBeingSeen: {
    from: ['arrived', 'waiting', 'called'],
    to: 'left_without_being_seen',
    by: [...desk, 'nurse', 'system'],
  },
} as const satisfies Record<
  string,
  { from: readonly VisitStatus[]; to: VisitStatus; by: readonly ActorClass[] }
>;
export type VisitAction = keyof typeof visitActions;
export const visitActionNames = Object.keys(visitActions) as VisitAction[];

/** The actions a visit in this status allows, in the table's order: screens offer these and no others. */
export function visitActionsFrom(status: VisitStatus): VisitAction[] {
  return visitActionNames.filter((a) => (visitActions[a].from as readonly VisitStatus[]).includes(status));
}

export type VisitTransition = { visit: Visit; room: Room | null };

const label = (s: string) => s.replace(/_/g, ' ');

/**
 * Applies one action to a visit and, where the action moves a patient into or out of a room, to that room.
 * `room` is the room being called to (for `call`) or the room the visit holds (for everything else).
 */
export function transitionVisit(input: {
  visit: Visit;
  action: VisitAction;
  actor: Actor;
  now: Date;
  room?: Room | null;
}): Result<VisitTransition> {
  const { visit, action, actor, now } = input;
  const rule = visitActions[action];
  if (!(rule.by as readonly ActorClass[]).includes(actorClass(actor))) {
    return refuse(
      'NOT_ALLOWED',
      `You may not ${action.replace(/[A-Z]/g, (c) => ' ' + c.toLowerCase())} a visit.`,
    );
  }
  if (!(rule.from as readonly VisitStatus[]).includes(visit.status)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `This visit is ${label(visit.status)}; it cannot become ${label(rule.to)}.`,
    );
  }
  const at = now.toISOString();
  const next: Visit = {
    ...visit,
    status: rule.to,
    statusSince: at,
    times: { ...visit.times, [rule.to]: rule.to === 'waiting' ? (visit.times.waiting ?? at) : at },
    version: visit.version + 1,
  };
  const room = input.room ?? null;

  if (action === 'call') {
    if (!room) return refuse('ROOM_REQUIRED', 'Choose a room to call the patient to.');
    if (room.status !== 'available') {
      return refuse('ROOM_NOT_AVAILABLE', `${room.name} is ${label(room.status)}.`);
    }
    return ok({
      visit: { ...next, roomId: room.id },
      room: { ...room, status: 'occupied', statusSince: at, visitId: visit.id, version: room.version + 1 },
    });
  }
  // A visit that holds a room must be given that room when it leaves it, or the room would stay occupied forever
  // (no room action leaves `occupied`).
  const leavesRoom =
    action === 'checkOut' || action === 'returnToWaiting' || action === 'markLeftWithoutBeingSeen';
  if (leavesRoom && visit.roomId !== null && room?.id !== visit.roomId) {
    return refuse('ROOM_REQUIRED', 'The room this visit holds is required to release it.');
  }
  const holdsRoom = room !== null && room.visitId === visit.id;
  if (action === 'checkOut' && holdsRoom) {
    return ok({
      visit: next,
      room: { ...room, status: 'needs_cleaning', statusSince: at, visitId: null, version: room.version + 1 },
    });
  }
  if ((action === 'returnToWaiting' || action === 'markLeftWithoutBeingSeen') && holdsRoom) {
    // The patient never used the room, so it needs no cleaning.
    return ok({
      visit: { ...next, roomId: null },
      room: { ...room, status: 'available', statusSince: at, visitId: null, version: room.version + 1 },
    });
  }
  const clearsRoom = action === 'returnToWaiting' || action === 'markLeftWithoutBeingSeen';
  return ok({ visit: clearsRoom ? { ...next, roomId: null } : next, room: null });
}

const nowIn: Record<VisitStatus, (room: string | null) => string> = {
  booked: () => 'booked',
  arrived: () => 'checked in',
  waiting: () => 'in the waiting room',
  called: (room) => `called to ${room ?? 'a room'}`,
  in_room: (room) => `in ${room ?? 'a room'}`,
  with_provider: () => 'with the provider',
  checked_out: () => 'checked out',
  no_show: () => 'marked as a no-show',
  cancelled: () => 'cancelled',
  left_without_being_seen: () => 'gone without being seen',
};

/** A stale action on a visit, refused in words: how the visit stands now (ticket, or name before check-in). */
export function visitChangedMessage(visit: Visit, roomName: string | null): string {
  const who = visit.ticketCode ?? `${visit.patient.firstName} ${visit.patient.lastName}`;
  return `Someone else just acted on this visit: ${who} is now ${nowIn[visit.status](roomName)}.`;
}
