import { z } from 'zod';
import { text } from './text';
import type {
  Appointment,
  AppointmentType,
  Equipment,
  Provider,
  Reservation,
  Room,
} from '@clinicflow/domain';

/** GET /api/schedule: one clinic day of the book, for every provider or some. */
export const scheduleQuerySchema = z.object({
  day: z.iso.date({ message: 'Give a day, for example 2026-12-01' }),
  providerId: z.uuid().optional(),
});
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

export type ScheduledAppointment = Appointment & {
  patientName: string;
  /** The code printed on the confirmation. */
  code: string | null;
};

export type ScheduleDay = {
  day: string;
  timezone: string;
  /** The day's first and last instant (23 or 25 hours apart when the clocks change). */
  startsAt: string;
  endsAt: string;
  providers: Provider[];
  rooms: Room[];
  appointments: ScheduledAppointment[];
  /** Room blocks (cleaning, procedure prep) and live holds that day: they keep their room or provider busy. */
  reservations: Reservation[];
  /** The clinic's types, retired ones included (old appointments name them); book with active ones only. */
  appointmentTypes: AppointmentType[];
  /** What each room offers, by room id ('ecg', 'wheelchair'). */
  roomFeatures: Record<string, string[]>;
  equipment: Equipment[];
};

/** GET /api/patients?q=: the desk looks a patient up to book them ("ana qui", "1985-03-27"). */
export const patientSearchSchema = z.object({
  q: text().trim().min(2, 'Type at least two letters of a name, or a date of birth').max(100),
});
export type PatientMatch = { id: string; firstName: string; lastName: string; dateOfBirth: string };
