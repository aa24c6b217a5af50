import {
  bookingProblem,
  clinicDay,
  clinicDayBounds,
  intervalsOverlap,
  isLate,
  mayChangeBooking,
  nearestFreeSlots,
  refuse,
  transitionVisit,
  type Appointment,
  type Clinic,
  type DomainEvent,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type AppointmentConflict, type Db, repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';
import { newShortCode } from '../../platform/tokens';

type Booking = Pick<Appointment, 'patientId' | 'providerId' | 'roomId' | 'startsAt' | 'endsAt'>;

/** The provider, room and patient must exist in this clinic, and a room out of service takes no booking today. */
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
  return null;
}

/**
 * A clash the database refused, in words ("Dr. Lee is booked 10:00–10:30"), with the nearest free times of the
 * same length that day for that provider, room and patient together.
 */
export async function clash(
  tx: Db,
  clinic: Clinic,
  booking: Booking,
  conflict: AppointmentConflict,
  now: Date,
  except?: string,
): Promise<CommandFailure> {
  const day = clinicDayBounds(clinicDay(new Date(booking.startsAt), clinic.timezone), clinic.timezone);
  const busy = await repo.appointments.listBusy(tx, {
    clinicId: clinic.id,
    from: day.startsAt,
    to: day.endsAt,
    resources: { providerId: booking.providerId, roomId: booking.roomId, patientId: booking.patientId },
    ...(except ? { except } : {}),
  });
  const holder = busy.find(
    (b) =>
      intervalsOverlap(b, booking) &&
      (conflict === 'provider'
        ? b.providerId === booking.providerId
        : conflict === 'room'
          ? b.roomId === booking.roomId
          : b.patientId === booking.patientId),
  );
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: clinic.timezone,
  });
  const when = holder
    ? ` ${time.format(new Date(holder.startsAt))}–${time.format(new Date(holder.endsAt))}`
    : '';
  const who =
    conflict === 'provider'
      ? `${(await repo.providers.list(tx, clinic.id)).find((p) => p.id === booking.providerId)?.name ?? 'The provider'} is already booked${when}.`
      : conflict === 'room'
        ? `${(await repo.rooms.get(tx, clinic.id, booking.roomId!))?.name ?? 'The room'} is already booked${when}.`
        : `The patient already has an appointment${when}.`;
  const window = {
    startsAt: new Date(Math.max(Date.parse(day.startsAt), now.getTime())).toISOString(),
    endsAt: day.endsAt,
  };
  const suggestions = nearestFreeSlots({ wanted: booking, busy, window });
  return { ...refuse('CONFLICT', who), suggestions };
}

const invalid = (problem: string): CommandFailure => ({
  ...refuse('INVALID', problem),
  issues: [{ path: 'startsAt', message: problem }],
});

/** The desk books a patient with a provider (and perhaps a room): one appointment, shown on its day as a visit. */
export const bookAppointment: Handler<'BookAppointment'> = async ({ tx, command, clinicId, now }) => {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const booking: Booking = {
    patientId: command.patientId,
    providerId: command.providerId,
    roomId: command.roomId,
    startsAt: new Date(command.startsAt).toISOString(),
    endsAt: new Date(command.endsAt).toISOString(),
  };
  const problem = bookingProblem(booking, now);
  if (problem) return invalid(problem);
  const missing = await resourcesProblem(tx, clinic, booking, now);
  if (missing) return missing;
  const code = newShortCode();
  const booked = await repo.appointments.insert(tx, { clinicId, ...booking, reason: command.reason, code });
  if (!booked.ok) return clash(tx, clinic, booking, booked.conflict, now);
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
  return {
    ok: true,
    events: [{ type: 'VisitBooked', payload: { visit } }],
    result: { appointmentId: booked.id, visitId: visit.id, code },
    entity: { type: 'appointment', id: booked.id },
  };
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
    startsAt: new Date(command.startsAt).toISOString(),
    endsAt: new Date(command.endsAt).toISOString(),
  };
  const problem = bookingProblem(booking, now);
  if (problem) return invalid(problem);
  const missing = await resourcesProblem(tx, clinic, booking, now);
  if (missing) return missing;
  const moved = await repo.appointments.move(tx, clinicId, appointment!.id, booking);
  if (!moved.ok) return clash(tx, clinic, booking, moved.conflict, now, appointment!.id);
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
    events: [{ type: 'VisitRescheduled', payload: { visit: next } }],
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
