import { z } from 'zod';
import { languages, reasonCategoryKeys, type ConsentDocument, type Questionnaire } from '@clinicflow/domain';
import { text } from '../text';
import { dateOfBirthSchema } from '../kiosk';
import { phonePattern } from '../formats';
import { command, id, personName, returns } from './define';

const phone = text().trim().regex(phonePattern, 'Enter a phone number, for example 555 010 2030');
const answers = z.record(
  text().max(64),
  z.union([text({ multiline: true }).max(2000), z.number(), z.boolean(), z.array(text().max(200)).max(50)]),
);
const point = z.object({ x: z.number(), y: z.number(), t: z.number().nonnegative() });

/** What the kiosk still has to ask this patient before they join the queue. */
export type Intake = {
  /** Full definitions, every language the clinic offers; in the order to ask them. */
  questionnaires: Questionnaire[];
  consent: ConsentDocument | null;
  /** The clinic asks every patient whether their phone, address or insurance changed. */
  askContactDetails: boolean;
};

/** CheckInPatient and RegisterWalkIn: the ticket, and the intake still to do (null when none: already queued). */
export type CheckInResult = {
  visitId: string;
  ticketCode: string;
  estimatedMinutes: number;
  intake: Intake | null;
};
/** A stored result read back without its command type: is it a check-in's? */
export const isCheckInResult = (result: unknown): result is CheckInResult =>
  typeof result === 'object' && result !== null && 'visitId' in result && 'intake' in result;
/** CompleteCheckIn: the patient is in the queue. */
export type QueuedResult = { ticketCode: string; estimatedMinutes: number };
/** SubmitQuestionnaire: urgent answers send the patient to the desk now. */
export type QuestionnaireResult = { urgent: boolean };

export const intakeCommands = {
  RegisterWalkIn: command(
    {
      firstName: personName('your first name'),
      lastName: personName('your last name'),
      dateOfBirth: dateOfBirthSchema,
      phone,
      reasonCategory: z.enum(reasonCategoryKeys),
    },
    returns<CheckInResult>(),
  ),
  SubmitQuestionnaire: command(
    // The language the patient read the questions in: their filled form prints in it.
    { visitId: id, questionnaireId: id, answers, language: z.enum(languages).optional() },
    returns<QuestionnaireResult>(),
  ),
  SignConsent: command({
    visitId: id,
    documentId: id,
    language: z.enum(languages).optional(),
    signerName: personName('your name'),
    signature: z.object({
      width: z.number().positive().max(4000),
      height: z.number().positive().max(4000),
      strokes: z.array(z.array(point).max(5000)).max(100),
    }),
  }),
  UpdateContactDetails: command({
    visitId: id,
    phone: phone.optional(),
    address: text().trim().max(300).optional(),
    emergencyContactName: text().trim().max(100).optional(),
    emergencyContactPhone: phone.optional(),
    insuranceProvider: text().trim().max(100).optional(),
    insuranceMemberId: text().trim().max(50).optional(),
  }),
  CompleteCheckIn: command({ visitId: id }, returns<QueuedResult>()),
  SubmitSurvey: command({ visitId: id, questionnaireId: id, answers }),
  AcknowledgeAlert: command({ alertId: id }),
};
