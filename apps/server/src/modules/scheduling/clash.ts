import {
  clinicDay,
  clinicDayBounds,
  nearestFreeSlots,
  refuse,
  type Buffers,
  type BusyBooking,
  type Clinic,
  type DomainEvent,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type AppointmentConflict, type Db, repo } from '@clinicflow/db';
import { outsideHours, windowsAround } from './availability';

export type Booking = {
  patientId: string;
  providerId: string;
  roomId: string | null;
  equipmentId: string | null;
  startsAt: string;
  endsAt: string;
} & Buffers;

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
  a.from < b.to && b.from < a.to;

/** Which resource of the booking a busy row holds; patients clash on their own time, the rest with buffers. */
function holds(b: BusyBooking, booking: Booking, what: AppointmentConflict): boolean {
  if (what === 'provider') return b.providerId === booking.providerId;
  if (what === 'room') return booking.roomId !== null && b.roomId === booking.roomId;
  if (what === 'equipment') return booking.equipmentId !== null && b.equipmentId === booking.equipmentId;
  return b.patientId === booking.patientId;
}

/**
 * The busy rows as the booking's start must avoid them: widened by the booking's own buffers where they hold its
 * provider, room or equipment (both bookings' buffers count), its own time where they hold only its patient.
 */
export function busyForCandidate(busy: readonly BusyBooking[], booking: Booking) {
  return busy
    .filter((b) => !b.overbooked)
    .map((b) =>
      holds(b, booking, 'provider') || holds(b, booking, 'room') || holds(b, booking, 'equipment')
        ? {
            startsAt: new Date(Date.parse(b.blockedFrom) - booking.bufferAfterMinutes * 60_000).toISOString(),
            endsAt: new Date(Date.parse(b.blockedTo) + booking.bufferBeforeMinutes * 60_000).toISOString(),
          }
        : { startsAt: b.startsAt, endsAt: b.endsAt },
    );
}

/**
 * A clash the database refused, in words ("Dr. Lee is booked 10:00–10:30", "Room 2 is blocked 12:00–12:30 (Deep
 * cleaning)"), with the nearest free times of the same length that day for that provider, room, patient and
 * equipment together, buffers counted.
 */
export async function clash(
  tx: Db,
  input: { clinic: Clinic; booking: Booking; conflict: AppointmentConflict; now: Date; except?: string },
): Promise<CommandFailure> {
  const { clinic, booking, conflict, now } = input;
  const day = clinicDayBounds(clinicDay(new Date(booking.startsAt), clinic.timezone), clinic.timezone);
  const busy = await repo.appointments.listBusy(tx, {
    clinicId: clinic.id,
    from: day.startsAt,
    to: day.endsAt,
    now,
    resources: booking,
    ...(input.except ? { except: input.except } : {}),
  });
  const mine = {
    from: Date.parse(booking.startsAt) - (conflict === 'patient' ? 0 : booking.bufferBeforeMinutes * 60_000),
    to: Date.parse(booking.endsAt) + (conflict === 'patient' ? 0 : booking.bufferAfterMinutes * 60_000),
  };
  const holder = busy.find(
    (b) =>
      !b.overbooked &&
      holds(b, booking, conflict) &&
      (conflict === 'patient'
        ? overlaps(mine, { from: Date.parse(b.startsAt), to: Date.parse(b.endsAt) })
        : overlaps(mine, { from: Date.parse(b.blockedFrom), to: Date.parse(b.blockedTo) })),
  );
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: clinic.timezone,
  });
  const when = holder
    ? ` ${time.format(new Date(holder.startsAt))}–${time.format(new Date(holder.endsAt))}`
    : '';
  const buffered = holder && (holder.blockedFrom !== holder.startsAt || holder.blockedTo !== holder.endsAt);
  const around = buffered
    ? ` (busy ${time.format(new Date(holder.blockedFrom))}–${time.format(new Date(holder.blockedTo))} with preparation and cleanup)`
    : '';
  const verb =
    holder?.kind === 'block'
      ? `blocked${when} (${holder.label})`
      : holder?.kind === 'hold'
        ? `held${when} by another coordinator`
        : `already booked${when}${around}`;
  const name = async (): Promise<string> => {
    if (conflict === 'provider')
      return (
        (await repo.providers.list(tx, clinic.id)).find((p) => p.id === booking.providerId)?.name ??
        'The provider'
      );
    if (conflict === 'room')
      return (await repo.rooms.get(tx, clinic.id, booking.roomId!))?.name ?? 'The room';
    return `The ${(await repo.equipment.get(tx, clinic.id, booking.equipmentId!))?.name ?? 'equipment'}`;
  };
  const who =
    conflict === 'patient' ? `The patient already has an appointment${when}.` : `${await name()} is ${verb}.`;
  const suggestions = await freeTimesNear(tx, { clinic, booking, now, days: 1, busy });
  return { ...refuse('CONFLICT', who), suggestions };
}

/**
 * The nearest free times of the booking's length, inside the provider's bookable hours and not before now, over
 * `days` clinic days from the booking's own: busy rows of its provider, room, patient and equipment, buffers counted.
 */
async function freeTimesNear(
  tx: Db,
  input: { clinic: Clinic; booking: Booking; now: Date; days: number; except?: string; busy?: BusyBooking[] },
): Promise<{ startsAt: string; endsAt: string }[]> {
  const { clinic, booking, now } = input;
  const windows = (await windowsAround(tx, clinic, booking.providerId, booking.startsAt, input.days))
    .map((w) => ({ ...w, startsAt: new Date(Math.max(Date.parse(w.startsAt), now.getTime())).toISOString() }))
    .filter((w) => w.startsAt < w.endsAt);
  if (windows.length === 0) return [];
  const busy =
    input.busy ??
    (await repo.appointments.listBusy(tx, {
      clinicId: clinic.id,
      from: windows[0]!.startsAt,
      to: windows[windows.length - 1]!.endsAt,
      now,
      resources: booking,
      ...(input.except ? { except: input.except } : {}),
    }));
  return nearestFreeSlots({ wanted: booking, busy: busyForCandidate(busy, booking), windows });
}

/**
 * A booking outside the provider's working hours, refused in the desk's words ("Dr. Feld works 14:00–18:00 on
 * Tuesdays") with the nearest free times inside their hours over the coming week. Null when the time is inside.
 */
// NOTE: an admin's overbooking does not pass this: it lets two bookings share a provider who is there; a provider
// who is not there is booked by adding an extra session on the roster, which then shows on find-slot too.
export async function outsideHoursRefusal(
  tx: Db,
  input: { clinic: Clinic; booking: Booking; now: Date; except?: string },
): Promise<CommandFailure | null> {
  const problem = await outsideHours(tx, input.clinic, input.booking);
  if (!problem) return null;
  const suggestions = await freeTimesNear(tx, { ...input, days: 7 });
  return { ...refuse('OUTSIDE_HOURS', problem), suggestions };
}

/** Expired holds leave the book before a write meets the constraints, with the event that clears them from screens. */
export async function sweepHolds(tx: Db, clinicId: string, now: Date): Promise<DomainEvent[]> {
  const ids = await repo.appointments.sweepExpiredHolds(tx, clinicId, now);
  return ids.length ? [{ type: 'ReservationsRemoved', payload: { ids, why: 'expired' } }] : [];
}
