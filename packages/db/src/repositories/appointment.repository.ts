import { sql } from 'drizzle-orm';
import type { Appointment } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { constraintViolated } from './errors';

export type NewAppointment = Omit<Appointment, 'id' | 'status'> & { code?: string | null };

const overlapConstraints = {
  appointments_provider_no_overlap: 'provider',
  appointments_room_no_overlap: 'room',
  appointments_patient_no_overlap: 'patient',
} as const;

export type AppointmentConflict = 'provider' | 'room' | 'patient';

/**
 * Inserts an appointment; the database refuses a double booking and we say which resource clashed. Two
 * overlapping inserts at once deadlock on the exclusion constraints (each waits for the other's uncommitted row),
 * so a booking first takes a lock on each of its resources, always in the same order: bookings that share one
 * queue, and the second meets the constraint like any other double booking.
 */
async function insertAppointment(
  db: Db,
  input: NewAppointment,
): Promise<{ ok: true; id: string } | { ok: false; conflict: AppointmentConflict }> {
  try {
    const [row] = await db.transaction(async (tx) => {
      const resources = [input.providerId, input.roomId, input.patientId].filter((r) => r !== null).sort();
      for (const id of resources)
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${id}, 0))`);
      return tx
        .insert(t.appointments)
        .values({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
        .returning({ id: t.appointments.id });
    });
    return { ok: true, id: row!.id };
  } catch (error) {
    for (const [name, conflict] of Object.entries(overlapConstraints)) {
      if (constraintViolated(error, name)) return { ok: false, conflict };
    }
    throw error;
  }
}

export const appointments = {
  insert: insertAppointment,
};
