import {
  bookingProblem,
  clinicDay,
  isLate,
  mayChangeBooking,
  noBuffers,
  refuse,
  roomFitProblem,
  transitionVisit,
  type AppointmentType,
  type Clinic,
  type DomainEvent,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import { stale, type Handler, type HandlerInput, type Outcome } from '../../platform/handler';
import { newShortCode } from '../../platform/tokens';
import { clash, outsideHoursRefusal, sweepHolds, type Booking } from './clash';

/** The provider, room, patient and equipment must exist in this clinic; a room out of service takes no booking today. */
export async function resourcesProblem(
  tx: Db,
  clinic: Clinic,
  booking: Booking,
  now: Date,
): Promise<CommandFailure | null> {
  const providers = await repo.providers.list(tx, clinic.id);
  if (!providers.some((p) => p.id === booking.providerId)) return refuse('NOT_FOUND', 'No such provider.');
  if (!(await repo.patients.get(tx, clinic.id, booking.patientId)))
    return refuse('NOT_FOUND', 'No such patient.');
  if (booking.roomId) {
    const room = await repo.rooms.get(tx, clinic.id, booking.roomId);
    if (!room) return refuse('NOT_FOUND', 'No such room.');
    const today = clinicDay(now, clinic.timezone);
    if (
      room.status === 'out_of_service' &&
      clinicDay(new Date(booking.startsAt), clinic.timezone) === today
    ) {
      return refuse('CONFLICT', `${room.name} is out of service today.`);
    }
  }
  if (booking.equipmentId) {
    const item = await repo.equipment.get(tx, clinic.id, booking.equipmentId);
    if (!item) return refuse('NOT_FOUND', 'No such equipment.');
    if (item.status !== 'in_service') return at('equipmentId', `The ${item.name} is out of service.`);
  }
  return null;
}

/** Whether the room (and the equipment in it or booked with the visit) fits what the type needs. */
async function fitProblem(
  tx: Db,
  clinicId: string,
  type: AppointmentType | null,
  booking: Booking,
): Promise<CommandFailure | null> {
  if (!type) return null;
  const room = booking.roomId ? await repo.rooms.get(tx, clinicId, booking.roomId) : null;
  const features = booking.roomId ? ((await repo.rooms.features(tx, clinicId))[booking.roomId] ?? []) : [];
  const problem = roomFitProblem({
    type,
    room: room && { id: room.id, name: room.name, features },
    equipment: await repo.equipment.list(tx, clinicId),
    bookedEquipmentId: booking.equipmentId,
  });
  return problem ? at('roomId', problem) : null;
}

const at = (path: string, problem: string): CommandFailure => ({
  ...refuse('INVALID', problem),
  issues: [{ path, message: problem }],
});
const invalid = (problem: string): CommandFailure => at('startsAt', problem);

/**
 * A booking as the desk asked for it: the type gives the length (when no end is given) and the buffers, the
 * caller's hold on the slot gives way to it, and an admin's overbooking carries its reason past the constraints.
 */
async function bookVisit(
  input: HandlerInput<'BookAppointment' | 'OverbookAppointment'>,
  overbookReason: string | null,
): Promise<Outcome<'BookAppointment'>> {
  const { tx, command, clinicId, now, actor } = input;
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const type = command.appointmentTypeId
    ? await repo.appointmentTypes.get(tx, clinicId, command.appointmentTypeId)
    : null;
  if (command.appointmentTypeId && !type?.active)
    return at('appointmentTypeId', 'That appointment type is not offered (any more).');
  const startsAt = new Date(command.startsAt).toISOString();
  const endsAt = command.endsAt
    ? new Date(command.endsAt).toISOString()
    : type && new Date(Date.parse(startsAt) + type.durationMinutes * 60_000).toISOString();
  if (!endsAt) return at('endsAt', 'Give an end time, or an appointment type for its usual length.');
  const booking: Booking = {
    patientId: command.patientId,
    providerId: command.providerId,
    roomId: command.roomId,
    equipmentId: command.equipmentId,
    startsAt,
    endsAt,
    bufferBeforeMinutes: (type ?? noBuffers).bufferBeforeMinutes,
    bufferAfterMinutes: (type ?? noBuffers).bufferAfterMinutes,
  };
  const problem = bookingProblem(booking, now);
  if (problem) return invalid(problem);
  const missing =
    (await resourcesProblem(tx, clinic, booking, now)) ??
    (await fitProblem(tx, clinicId, type, booking)) ??
    (await outsideHoursRefusal(tx, { clinic, booking, now }));
  if (missing) return missing;
  const events: DomainEvent[] = await sweepHolds(tx, clinicId, now);
  if (command.holdId) {
    const hold = await repo.appointments.getReservation(tx, clinicId, command.holdId);
    const live = hold?.kind === 'hold' && Date.parse(hold.expiresAt!) > now.getTime();
    if (!live || actor.kind !== 'staff' || hold.heldBy !== actor.id)
      return at('holdId', 'That hold has expired or is not yours; book the slot if it is still free.');
    await repo.appointments.removeReservation(tx, clinicId, hold.id);
    events.push({ type: 'ReservationsRemoved', payload: { ids: [hold.id], why: 'booked' } });
  }
  const code = newShortCode();
  const booked = await repo.appointments.insert(tx, {
    clinicId,
    ...booking,
    appointmentTypeId: type?.id ?? null,
    overbookReason,
    reason: command.reason,
    code,
    now,
  });
  if (!booked.ok) return clash(tx, { clinic, booking, conflict: booked.conflict, now });
  const visit = await repo.visits.insert(tx, {
    clinicId,
    day: clinicDay(new Date(booking.startsAt), clinic.timezone),
    appointmentId: booked.id,
    patientId: booking.patientId,
    providerId: booking.providerId,
    scheduledAt: booking.startsAt,
    reason: command.reason,
    status: 'booked',
    now,
  });
  events.push({
    type: 'VisitBooked',
    payload: { visit, ...(overbookReason ? { overbookReason } : {}) },
  });
  return {
    ok: true,
    events,
    result: { appointmentId: booked.id, visitId: visit.id, code },
    entity: { type: 'appointment', id: booked.id },
    ...(overbookReason ? { auditReason: overbookReason } : {}),
  };
}

/** The desk books a patient with a provider (and perhaps a room): one appointment, shown on its day as a visit. */
export const bookAppointment: Handler<'BookAppointment'> = (input) => bookVisit(input, null);

/**
 * An admin books over a clash, where the clinic allows it; the reason goes with the booking, its event and the
 * audit row. Working hours still hold (see `outsideHoursRefusal`).
 */
export const overbookAppointment: Handler<'OverbookAppointment'> = async (input) => {
  const { allowOverbooking } = await repo.clinics.schedulingSettings(input.tx, input.clinicId);
  if (!allowOverbooking) return refuse('NOT_ALLOWED', 'This clinic does not allow overbooking.');
  return bookVisit(input, input.command.overbookReason);
};

/** Another time, provider or room for an appointment whose patient has not arrived yet. */
export const moveAppointment: Handler<'MoveAppointment'> = async ({ tx, command, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const appointment = await repo.appointments.get(tx, clinicId, command.appointmentId);
  const visit = appointment && (await repo.visits.findByAppointment(tx, clinicId, appointment.id));
  const open = mayChangeBooking(appointment?.status === 'booked' ? visit : null);
  if (!open.ok) return open;
  const booking: Booking = {
    patientId: appointment!.patientId,
    providerId: command.providerId ?? appointment!.providerId,
    roomId: command.roomId === undefined ? appointment!.roomId : command.roomId,
    equipmentId: appointment!.equipmentId,
    startsAt: new Date(command.startsAt).toISOString(),
    endsAt: new Date(command.endsAt).toISOString(),
    bufferBeforeMinutes: appointment!.bufferBeforeMinutes,
    bufferAfterMinutes: appointment!.bufferAfterMinutes,
  };
  const problem = bookingProblem(booking, now);
  if (problem) return invalid(problem);
  const type = appointment!.appointmentTypeId
    ? await repo.appointmentTypes.get(tx, clinicId, appointment!.appointmentTypeId)
    : null;
  const missing =
    (await resourcesProblem(tx, clinic, booking, now)) ??
    (await fitProblem(tx, clinicId, type, booking)) ??
    (await outsideHoursRefusal(tx, { clinic, booking, now, except: appointment!.id }));
  if (missing) return missing;
  const swept = await sweepHolds(tx, clinicId, now);
  const moved = await repo.appointments.move(tx, { clinicId, id: appointment!.id, now, to: booking });
  if (!moved.ok)
    return clash(tx, { clinic, booking, conflict: moved.conflict, now, except: appointment!.id });
  const next = {
    ...visit!,
    day: clinicDay(new Date(booking.startsAt), clinic.timezone),
    scheduledAt: booking.startsAt,
    providerId: booking.providerId,
    version: visit!.version + 1,
  };
  if (!(await repo.visits.save(tx, next, visit!.version))) return stale(visit);
  return {
    ok: true,
    events: [...swept, { type: 'VisitRescheduled', payload: { visit: next } }],
    entity: { type: 'appointment', id: appointment!.id },
  };
};

/** The appointment is off the book, with the reason kept; its visit is cancelled. */
export const cancelAppointment: Handler<'CancelAppointment'> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const appointment = await repo.appointments.get(tx, clinicId, command.appointmentId);
  const visit = appointment && (await repo.visits.findByAppointment(tx, clinicId, appointment.id));
  const open = mayChangeBooking(appointment?.status === 'booked' ? visit : null);
  if (!open.ok) return open;
  const cancelled = transitionVisit({ visit: visit!, action: 'cancel', actor, now });
  if (!cancelled.ok) return cancelled;
  await repo.appointments.cancel(tx, clinicId, appointment!.id, command.reason);
  if (!(await repo.visits.save(tx, cancelled.value.visit, visit!.version))) return stale(visit);
  return {
    ok: true,
    events: [{ type: 'VisitStatusChanged', payload: { visit: cancelled.value.visit, from: visit!.status } }],
    entity: { type: 'appointment', id: appointment!.id },
  };
};

/** Today's booked patients past the grace period are flagged late, once each, on the server's clock. */
export const flagLateArrivals: Handler<'FlagLateArrivals'> = async ({ tx, command, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const late = (await repo.visits.listForDay(tx, clinicId, clinicDay(now, clinic.timezone))).filter((v) =>
    isLate(v, now, command.graceMinutes),
  );
  const events: DomainEvent[] = [];
  for (const visit of late) {
    // An annotation, not a change the desk could race with: the version stays, so no desk action turns stale.
    const flagged = { ...visit, lateSince: now.toISOString() };
    if (await repo.visits.save(tx, flagged, visit.version)) {
      events.push({ type: 'VisitLate', payload: { visit: flagged } });
    }
  }
  return { ok: true, events, entity: { type: 'clinic', id: clinicId } };
};
