import { z } from 'zod';
import { text } from './text';
import type { Appointment, AppointmentSeries, Provider, Room } from '@clinicflow/domain';

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
  /** An occurrence of a recurring series, and its place in it. */
  seriesId: string | null;
  occurrenceIndex: number | null;
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
};

/** GET /api/patients?q=: the desk looks a patient up to book them ("ana qui", "1985-03-27"). */
export const patientSearchSchema = z.object({
  q: text().trim().min(2, 'Type at least two letters of a name, or a date of birth').max(100),
});
export type PatientMatch = { id: string; firstName: string; lastName: string; dateOfBirth: string };

/** GET /api/series/:id: a recurring series and every one of its occurrences, in order. */
export type SeriesView = {
  series: AppointmentSeries;
  occurrences: {
    appointmentId: string;
    index: number;
    startsAt: string;
    endsAt: string;
    status: 'booked' | 'cancelled';
    arrived: boolean;
  }[];
};
