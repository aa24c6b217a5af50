import { z } from 'zod';
import { delayMinutes } from '../limits';
import { text } from '../text';
import { command, id, returns } from './define';

const instant = z.iso.datetime({
  offset: true,
  message: 'Give a date and time, for example 2026-12-01T09:30:00Z',
});
/** An appointment's time: a start before its end, at most a day long. */
const times = {
  startsAt: instant,
  endsAt: instant,
};

/** BookAppointment: the appointment, the visit it shows as on its day, and the code printed for the patient. */
export type BookedResult = { appointmentId: string; visitId: string; code: string };

/** A booking: `endsAt` may be left out when a type gives the length; a hold of the caller's may be turned into it. */
const booking = {
  patientId: id,
  providerId: id,
  roomId: id.nullable().default(null),
  startsAt: instant,
  endsAt: instant.optional(),
  reason: text().trim().max(200).nullable().default(null),
  appointmentTypeId: id.nullable().default(null),
  /** A portable item (an ultrasound on a cart) booked with the visit. */
  equipmentId: id.nullable().default(null),
  holdId: id.optional(),
};

export const schedulingCommands = {
  BookAppointment: command(booking, returns<BookedResult>()),
  /** An admin books over a clash where the clinic allows it; the reason is kept, audited and in the event. */
  OverbookAppointment: command(
    {
      ...booking,
      overbookReason: text().trim().min(1, 'Say why this appointment is booked over another').max(200),
    },
    returns<BookedResult>(),
  ),
  /** Another time, and optionally another provider or room; refused with the nearest free slots on a clash. */
  MoveAppointment: command({
    appointmentId: id,
    ...times,
    providerId: id.optional(),
    roomId: id.nullable().optional(),
  }),
  /** Sent by the server to itself: flag today's booked patients not here `graceMinutes` after their time. */
  FlagLateArrivals: command({ graceMinutes: z.int().min(1).max(240) }),
  CancelAppointment: command({
    appointmentId: id,
    reason: text().trim().min(1, 'Say why the appointment is cancelled').max(200),
  }),
  AnnounceDelay: command({
    providerId: id,
    minutes: z
      .int()
      .min(delayMinutes.min, 'A delay cannot be negative')
      .max(delayMinutes.max, `At most ${delayMinutes.max / 60} hours`),
  }),
};
