import {
  changeRoomStatus,
  roomUnavailableMessage,
  formatTicket,
  refuse,
  transitionVisit,
  type DomainEvent,
  type TicketQueue,
  type Visit,
  visitChangedMessage,
} from '@clinicflow/domain';
import {
  roomCommandActions,
  visitCommandActions,
  type RoomCommandType,
  type VisitCommandType,
} from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import { intakeFor } from '../intake/intake.handlers';
import { stale, type Handler, type HandlerInput, type Outcome } from '../../platform/handler';
import { estimatedWait } from './estimated-wait';

/** What a patient who cannot check in is told: where they stand, in plain words. */
function checkInRefusal(status: Visit['status']): string {
  if (status === 'checked_out') return 'Your visit today is finished.';
  if (status === 'no_show' || status === 'cancelled' || status === 'left_without_being_seen') {
    return 'Please see the front desk about this appointment.';
  }
  return 'You are already checked in.';
}

/** Gives an arrived visit the next ticket of its queue for the day (A-… for appointments, W-… for walk-ins). */
export async function issueTicket(tx: Db, visit: Visit, queue: TicketQueue): Promise<Visit> {
  const number =
    (await repo.visits.lastTicketNumber(tx, { clinicId: visit.clinicId, day: visit.day, queue })) + 1;
  const ticketCode = formatTicket(number, queue);
  await repo.visits.assignTicket(tx, { visitId: visit.id, number, code: ticketCode });
  return { ...visit, ticketCode };
}

/**
 * The patient has arrived: the visit gets its ticket. With nothing left to ask it joins the queue at once;
 * otherwise it stays `arrived` while the kiosk takes the intake, and CompleteCheckIn queues it.
 */
export async function arriveAndMaybeQueue(
  input: HandlerInput<'CheckInPatient' | 'RegisterWalkIn'>,
  arrived: Visit,
  expectedVersion: number,
  arrivalEvent: DomainEvent,
): Promise<Outcome<'CheckInPatient' | 'RegisterWalkIn'>> {
  const { tx, actor, clinicId, now } = input;
  const intake = await intakeFor(tx, clinicId, arrived);
  const events: DomainEvent[] = [arrivalEvent];
  let saved = arrived;
  if (!intake) {
    const queued = transitionVisit({ visit: arrived, action: 'queue', actor, now });
    if (!queued.ok) return queued;
    saved = queued.value.visit;
    events.push({ type: 'VisitStatusChanged', payload: { visit: saved, from: arrived.status } });
  }
  if (!(await repo.visits.save(tx, saved, expectedVersion)))
    return stale(await repo.visits.get(tx, clinicId, arrived.id));
  return {
    ok: true,
    events,
    result: {
      visitId: saved.id,
      ticketCode: saved.ticketCode!,
      estimatedMinutes: intake ? 0 : await estimatedWait(tx, clinicId, saved.id, now),
      intake,
    },
    entity: { type: 'visit', id: saved.id },
    kioskVisit: intake ? saved.id : null,
  };
}

export const checkIn: Handler<'CheckInPatient'> = async (input) => {
  const { tx, command, actor, clinicId, now } = input;
  const visit = await repo.visits.get(tx, clinicId, command.visitId);
  if (!visit) return refuse('NOT_FOUND', 'We could not find this appointment.');
  if (visit.status === 'arrived') return resumeIntake(input, visit);
  if (visit.status !== 'booked') return refuse('ILLEGAL_TRANSITION', checkInRefusal(visit.status));
  const arrived = transitionVisit({ visit, action: 'checkIn', actor, now });
  if (!arrived.ok) return arrived;
  const ticketed = await issueTicket(tx, arrived.value.visit, 'A');
  return arriveAndMaybeQueue(input, ticketed, visit.version, {
    type: 'VisitCheckedIn',
    payload: { visit: ticketed },
  });
};

/** A patient who walked away mid-intake and looks themselves up again carries on where they left off. */
async function resumeIntake(
  input: HandlerInput<'CheckInPatient'>,
  visit: Visit,
): Promise<Outcome<'CheckInPatient'>> {
  const intake = (await intakeFor(input.tx, input.clinicId, visit)) ?? {
    questionnaires: [],
    consent: null,
    askContactDetails: false,
  };
  return {
    ok: true,
    events: [],
    result: { visitId: visit.id, ticketCode: visit.ticketCode!, estimatedMinutes: 0, intake },
    entity: { type: 'visit', id: visit.id },
    kioskVisit: visit.id,
  };
}

export const changeVisit: Handler<VisitCommandType | 'CallPatient'> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const visit = await repo.visits.get(tx, clinicId, command.visitId);
  if (!visit) return refuse('NOT_FOUND', 'This visit no longer exists.');
  if (visit.version !== command.version) {
    // What changed, in words, so the second of two coordinators knows at once why their click did nothing.
    const holds = visit.roomId ? await repo.rooms.get(tx, clinicId, visit.roomId) : null;
    return { ...stale(visit), message: visitChangedMessage(visit, holds?.name ?? null) };
  }
  const roomId = command.type === 'CallPatient' ? command.roomId : visit.roomId;
  const room = roomId ? await repo.rooms.get(tx, clinicId, roomId) : null;
  if (roomId && !room) return refuse('NOT_FOUND', 'That room does not exist.');
  const action = command.type === 'CallPatient' ? 'call' : visitCommandActions[command.type];
  const next = transitionVisit({ visit, action, actor, now, room });
  if (!next.ok && next.code === 'ROOM_NOT_AVAILABLE') {
    // Someone took the room a moment ago: say which are free now, where the coordinator chose.
    return { ...next, message: roomUnavailableMessage(room!, await repo.rooms.list(tx, clinicId)) };
  }
  if (!next.ok) return next;
  await repo.visits.save(tx, next.value.visit, visit.version);
  const events: DomainEvent[] = [
    { type: 'VisitStatusChanged', payload: { visit: next.value.visit, from: visit.status } },
  ];
  if (next.value.room && room) {
    await repo.rooms.save(tx, next.value.room, room.version);
    events.push({ type: 'RoomStatusChanged', payload: { room: next.value.room, from: room.status } });
  }
  return { ok: true, events, entity: { type: 'visit', id: visit.id } };
};

export const changeRoom: Handler<RoomCommandType> = async ({ tx, command, actor, clinicId, now }) => {
  const room = await repo.rooms.get(tx, clinicId, command.roomId);
  if (!room) return refuse('NOT_FOUND', 'That room does not exist.');
  if (room.version !== command.version) return stale(room);
  const next = changeRoomStatus({ room, action: roomCommandActions[command.type], actor, now });
  if (!next.ok) return next;
  await repo.rooms.save(tx, next.value, room.version);
  return {
    ok: true,
    events: [{ type: 'RoomStatusChanged', payload: { room: next.value, from: room.status } }],
    entity: { type: 'room', id: room.id },
  };
};
