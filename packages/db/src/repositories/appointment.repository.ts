import type { Appointment } from '@clinicflow/domain';
import type { Db } from '../client';
import { appointments } from '../schema';
import { constraintViolated } from './errors';

export type NewAppointment = Omit<Appointment, 'id' | 'status'> & { code?: string | null };

const overlapConstraints = {
  appointments_provider_no_overlap: 'provider',
  appointments_room_no_overlap: 'room',
  appointments_patient_no_overlap: 'patient',
} as const;

/** Inserts an appointment; the database refuses a double booking and we say which resource clashed. */
export async function insertAppointment(
  db: Db,
  input: NewAppointment,
): Promise<{ ok: true; id: string } | { ok: false; conflict: 'provider' | 'room' | 'patient' }> {
  try {
    const [row] = await db
      .insert(appointments)
      .values({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
      .returning({ id: appointments.id });
    return { ok: true, id: row!.id };
  } catch (error) {
    for (const [name, conflict] of Object.entries(overlapConstraints)) {
      if (constraintViolated(error, name)) return { ok: false, conflict };
    }
    throw error;
  }
}
