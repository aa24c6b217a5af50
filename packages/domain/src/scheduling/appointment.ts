import { ok, refuse, type Result } from '../shared/result';
export const appointmentStatuses = ['booked', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export type Appointment = {
  id: string;
  clinicId: string;
  patientId: string;
  providerId: string;
  roomId: string | null;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  status: AppointmentStatus;
  appointmentTypeId: string | null;
  /** A portable item booked with it. */
  equipmentId: string | null;
  /** Preparation and cleanup around it: the room and provider stay busy, the patient does not. */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Why an admin booked it over a clash (null for an ordinary booking). */
  overbookReason: string | null;
};

type Interval = { startsAt: string; endsAt: string };

/** Half-open intervals [start, end): back-to-back appointments do not overlap. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

export type AppointmentConflict = { with: string; resource: 'provider' | 'room' | 'patient' };

/** Every booked appointment that would share a provider, room or patient with the candidate at the same time. */
export function findAppointmentConflicts(
  candidate: Pick<Appointment, 'id' | 'patientId' | 'providerId' | 'roomId' | 'startsAt' | 'endsAt'>,
  existing: readonly Appointment[],
): AppointmentConflict[] {
  const conflicts: AppointmentConflict[] = [];
  for (const other of existing) {
    if (other.id === candidate.id || other.status === 'cancelled' || !intervalsOverlap(candidate, other))
      continue;
    if (other.providerId === candidate.providerId) conflicts.push({ with: other.id, resource: 'provider' });
    if (candidate.roomId !== null && other.roomId === candidate.roomId)
      conflicts.push({ with: other.id, resource: 'room' });
    if (other.patientId === candidate.patientId) conflicts.push({ with: other.id, resource: 'patient' });
  }
  return conflicts;
}

/** An appointment can be moved or cancelled from the book only while its patient has not arrived. */
export function mayChangeBooking(visit: { status: string } | null): Result<void> {
  if (!visit) return refuse('NOT_FOUND', 'That appointment does not exist.');
  if (visit.status !== 'booked') {
    return refuse(
      'ILLEGAL_TRANSITION',
      `The patient is already ${visit.status.replace(/_/g, ' ')}; change the visit on the flow board.`,
    );
  }
  return ok(undefined);
}

export function validInterval(i: Interval): boolean {
  const s = Date.parse(i.startsAt);
  const e = Date.parse(i.endsAt);
  return Number.isFinite(s) && Number.isFinite(e) && s < e;
}
