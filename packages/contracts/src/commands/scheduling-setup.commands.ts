import { z } from 'zod';
import { text } from '../text';
import { command, id, returns, version } from './define';

const instant = z.iso.datetime({
  offset: true,
  message: 'Give a date and time, for example 2026-12-01T09:30:00Z',
});
const tag = text()
  .trim()
  .min(1, 'A feature or kind cannot be empty')
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case words joined by _, for example exam_table');
const minutes = (what: string, min: number, max: number) =>
  z
    .int(`${what} is a whole number of minutes`)
    .min(min, `${what}: at least ${min} minutes`)
    .max(max, `${what}: at most ${max} minutes`);

/** An appointment type's limits, which the admin's form shows too. */
export const appointmentTypeLimits = {
  name: 80,
  duration: { min: 5, max: 720 },
  buffer: { min: 0, max: 120 },
} as const;
const { duration, buffer } = appointmentTypeLimits;

/** An appointment type's fields, as the admin edits them. */
const typeFields = {
  name: text()
    .trim()
    .min(1, 'Give the type a name')
    .max(appointmentTypeLimits.name, `At most ${appointmentTypeLimits.name} characters`),
  durationMinutes: minutes('Duration', duration.min, duration.max),
  bufferBeforeMinutes: minutes('Buffer before', buffer.min, buffer.max).default(0),
  bufferAfterMinutes: minutes('Buffer after', buffer.min, buffer.max).default(0),
  roomFeatures: z.array(tag).max(10).default([]),
  equipmentKinds: z.array(tag).max(10).default([]),
};

/** The book's setup (types, rules) and its reservations that are no visit (room blocks, holds). */
export const schedulingSetupCommands = {
  CreateAppointmentType: command(typeFields, returns<{ appointmentTypeId: string }>()),
  UpdateAppointmentType: command({ appointmentTypeId: id, version, ...typeFields }),
  /** Offered for no new booking; the appointments that used it keep it. */
  RetireAppointmentType: command({ appointmentTypeId: id, version }),
  SetSchedulingRules: command({ allowOverbooking: z.boolean() }),
  /** A room kept for something that is no visit: "Deep cleaning", "Procedure prep". */
  BlockRoom: command(
    {
      roomId: id,
      startsAt: instant,
      endsAt: instant,
      label: text().trim().min(1, 'Say what the room is blocked for').max(80),
    },
    returns<{ blockId: string }>(),
  ),
  UnblockRoom: command({ blockId: id }),
  /** Keeps a slot for the caller a few minutes (on the phone with the patient); it expires by itself. */
  HoldSlot: command(
    {
      providerId: id.nullable().default(null),
      roomId: id.nullable().default(null),
      startsAt: instant,
      endsAt: instant,
      minutes: minutes('A hold', 1, 60).default(10),
    },
    returns<{ holdId: string; expiresAt: string }>(),
  ),
  ReleaseHold: command({ holdId: id }),
  /** Sent by the server to itself: clears expired holds from every screen. */
  ReleaseExpiredHolds: command({}),
};
