import { z } from 'zod';
import { text } from './text';
import type {
  Appointment,
  AppointmentSeries,
  AppointmentType,
  FoundSlot,
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
  /** An occurrence of a recurring series, and its place in it. */
  seriesId: string | null;
  occurrenceIndex: number | null;
};

/** A block or hold as the grid shows it: a hold names who holds it. */
export type ScheduledReservation = Reservation & { heldByName: string | null };

/** GET /api/schedule/appointments/:id: where an appointment sits in the book, for a link to it. */
export type AppointmentPlace = {
  appointmentId: string;
  /** Its clinic day. */
  day: string;
  providerId: string;
  roomId: string | null;
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
  reservations: ScheduledReservation[];
  /** The clinic's types, retired ones included (old appointments name them); book with active ones only. */
  appointmentTypes: AppointmentType[];
  /** What each room offers, by room id ('ecg', 'wheelchair'). */
  roomFeatures: Record<string, string[]>;
  equipment: Equipment[];
  /** When each provider can be booked that day (rostered hours, or the clinic's opening hours), by provider id. */
  hours: Record<string, { startsAt: string; endsAt: string }[]>;
  /** The clinic's scheduling rules, as an admin set them. */
  rules: { allowOverbooking: boolean };
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

const count = (what: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what}: at least ${min}`)
    .max(max, `${what}: at most ${max}`);

/**
 * GET /api/schedule/find-slot: the next free slots for a type and/or provider and/or room over a horizon; with
 * `at`, also why that time is not offered.
 */
export const findSlotQuerySchema = z
  .object({
    appointmentTypeId: z.uuid({ message: 'Not a valid id' }).optional(),
    providerId: z.uuid({ message: 'Not a valid id' }).optional(),
    roomId: z.uuid({ message: 'Not a valid id' }).optional(),
    durationMinutes: count('Length', 5, 720).optional(),
    days: count('Days', 1, 62).default(31),
    minNoticeMinutes: count('Minimum notice', 0, 14 * 24 * 60).default(0),
    count: count('Count', 1, 20).default(5),
    at: z.iso
      .datetime({ offset: true, message: 'Give a date and time, for example 2026-12-01T09:30:00Z' })
      .optional(),
  })
  .refine((q) => q.appointmentTypeId || q.durationMinutes, {
    message: 'Give an appointment type or a length',
    path: ['durationMinutes'],
  });
export type FindSlotQueryInput = z.infer<typeof findSlotQuerySchema>;
export type FindSlotResult = {
  slots: FoundSlot[];
  /** With `at`: why that time is not offered for the first provider asked (empty when it would be). */
  whyNot?: string[];
};
