import { z } from 'zod';
import { text } from './text';
import { appointmentCodeLength, normalizeAppointmentCode } from './formats';
import type { Questionnaire } from '@clinicflow/domain';

/** A date of birth as the kiosk sends it: a real calendar date, YYYY-MM-DD, not in the future. */
export const dateOfBirthSchema = z.iso.date({ message: 'Enter a real date of birth' });

export const findAppointmentSchema = z.union([
  z.object({
    lastName: text().trim().min(1, 'Enter your last name').max(100),
    dateOfBirth: dateOfBirthSchema,
  }),
  /** The code from the appointment confirmation (also what its QR code holds). */
  z.object({
    code: text()
      .transform(normalizeAppointmentCode)
      .pipe(text().length(appointmentCodeLength, 'The appointment code has 6 letters and digits')),
  }),
]);
export type FindAppointmentQuery = z.infer<typeof findAppointmentSchema>;

/** At most one match, and only what the patient needs to confirm it is them. */
export type FindAppointmentResult =
  | {
      ok: true;
      match: {
        visitId: string;
        firstName: string;
        scheduledAt: string | null;
        status: string;
        /** After check-out: the short satisfaction survey, if they have not answered it yet. */
        survey: Questionnaire | null;
      };
    }
  | {
      ok: false;
      code:
        | 'NOT_FOUND'
        | 'AMBIGUOUS'
        | 'NOT_ALLOWED'
        | 'VALIDATION'
        | 'INTERNAL'
        | 'UNAVAILABLE'
        | 'RATE_LIMITED'
        | 'OFFLINE';
      message: string;
    };
