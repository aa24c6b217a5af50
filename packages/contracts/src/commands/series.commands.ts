import { z } from 'zod';
import { maxOccurrences, monthlyKinds, recurrenceFrequencies, weekdayCodes } from '@clinicflow/domain';
import { text } from '../text';
import { command, id, returns } from './define';

const instant = z.iso.datetime({
  offset: true,
  message: 'Give a date and time, for example 2026-12-01T09:30:00Z',
});

/** How a series repeats; the days and times are read in the clinic's time zone. */
export const recurrenceSchema = z.object({
  frequency: z.enum(recurrenceFrequencies, { message: 'Repeat weekly or monthly' }),
  interval: z.int().min(1, 'Repeat at least every 1').max(12, 'Repeat at most every 12 weeks or months'),
  weekdays: z.array(z.enum(weekdayCodes)).max(7).default([]),
  monthlyBy: z.enum(monthlyKinds).default('day'),
  until: z.iso.date({ message: 'Give the last day, for example 2027-03-31' }).nullable().default(null),
  count: z
    .int()
    .min(2, 'A series has at least 2 occurrences')
    .max(maxOccurrences, `A series has at most ${maxOccurrences} occurrences`)
    .nullable()
    .default(null),
});

/** BookSeries: the series and every occurrence booked, in order. */
export type BookedSeriesResult = { seriesId: string; appointmentIds: string[] };
/** EditSeries: the series that now holds the edited occurrences, and what happened to them. */
export type EditedSeriesResult = { seriesId: string; moved: number; booked: number; cancelled: number };

export const seriesCommands = {
  /** Every occurrence is booked, or none: a refusal lists each occurrence that clashes. */
  BookSeries: command(
    {
      patientId: id,
      providerId: id,
      roomId: id.nullable().default(null),
      /** The first occurrence; the others are at the same local time of day. */
      startsAt: instant,
      endsAt: instant,
      reason: text().trim().max(200).nullable().default(null),
      recurrence: recurrenceSchema,
    },
    returns<BookedSeriesResult>(),
  ),
  /**
   * From an occurrence on ("following") or every occurrence still to come ("all"): a new time (the edited
   * occurrence's), and perhaps provider, room or rule. One occurrence alone is moved with MoveAppointment.
   */
  EditSeries: command(
    {
      appointmentId: id,
      scope: z.enum(['following', 'all']),
      startsAt: instant,
      endsAt: instant,
      providerId: id.optional(),
      roomId: id.nullable().optional(),
      recurrence: recurrenceSchema.optional(),
    },
    returns<EditedSeriesResult>(),
  ),
  /** Cancels from an occurrence on, or every one still to come; arrived ones are never touched. */
  CancelSeries: command(
    {
      appointmentId: id,
      scope: z.enum(['following', 'all']),
      reason: text().trim().min(1, 'Say why the appointments are cancelled').max(200),
    },
    returns<{ cancelled: number }>(),
  ),
};
