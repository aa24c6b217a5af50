import { z } from 'zod';
import { idSchema } from './commands/define';

/** The FHIR JSON media type every FHIR route answers with, OperationOutcomes included. */
export const fhirContentType = 'application/fhir+json; charset=utf-8';

export const fhirReadParamsSchema = z.object({ id: idSchema });

/** `GET /api/fhir/Appointment?date=YYYY-MM-DD`: one clinic day in the clinic's time zone. */
export const fhirAppointmentSearchSchema = z.object({
  date: z.iso.date({ message: 'Give date as a day, for example date=2026-12-01' }),
});
export type FhirAppointmentSearch = z.infer<typeof fhirAppointmentSearchSchema>;
