import { z } from 'zod';
import { text } from './text';
import { delayMinutes, displayNoticeMaxLength, roomThresholdMinutes } from './limits';
import {
  displayPrivacyModes,
  reasonCategoryKeys,
  roomStatuses,
  type CommandName,
  type ConsentDocument,
  type Questionnaire,
  type RefusalCode,
  type RoomAction,
  type VisitAction,
} from '@clinicflow/domain';
import { dateOfBirthSchema } from './kiosk';
import type { TransportFailureCode } from './failures';

/** Every entity id: a UUID (route parameters too; anything else never reaches the database). */
export const idSchema = z.uuid({ message: 'Not a valid id' });
const id = idSchema;
const version = z.int().nonnegative();
const commandId = z.uuid({ message: 'commandId must be a UUID made by the client' });

/** Visit commands that only move a visit along its state machine, and the domain action each one takes. */
export const visitCommandActions = {
  ReturnPatientToWaiting: 'returnToWaiting',
  MarkPatientInRoom: 'enterRoom',
  StartConsultation: 'startConsult',
  CheckOutPatient: 'checkOut',
  MarkNoShow: 'markNoShow',
  CancelVisit: 'cancel',
  MarkLeftWithoutBeingSeen: 'markLeftWithoutBeingSeen',
  SendToWaitingRoom: 'queue',
} as const satisfies Record<string, VisitAction>;
export type VisitCommandType = keyof typeof visitCommandActions;

export const roomCommandActions = {
  MarkRoomCleaned: 'markCleaned',
  TakeRoomOutOfService: 'takeOutOfService',
  ReturnRoomToService: 'returnToService',
} as const satisfies Record<string, RoomAction>;
export type RoomCommandType = keyof typeof roomCommandActions;

const visitCommandTypes = Object.keys(visitCommandActions) as [VisitCommandType, ...VisitCommandType[]];
const roomCommandTypes = Object.keys(roomCommandActions) as [RoomCommandType, ...RoomCommandType[]];

const name = (what: string) => text().trim().min(1, `Enter ${what}`).max(100, `${what} is too long`);
const phone = text()
  .trim()
  .regex(/^[+()\d\s.-]{7,20}$/, 'Enter a phone number, for example 555 010 2030');
const answerValue = z.union([
  text({ multiline: true }).max(2000),
  z.number(),
  z.boolean(),
  z.array(text().max(200)).max(50),
]);
const point = z.object({ x: z.number(), y: z.number(), t: z.number().nonnegative() });

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CheckInPatient'), commandId, visitId: id }),
  z.object({ type: z.literal('CallPatient'), commandId, visitId: id, roomId: id, version }),
  z.object({ type: z.enum(visitCommandTypes), commandId, visitId: id, version }),
  z.object({ type: z.enum(roomCommandTypes), commandId, roomId: id, version }),
  z.object({
    type: z.literal('RegisterWalkIn'),
    commandId,
    firstName: name('your first name'),
    lastName: name('your last name'),
    dateOfBirth: dateOfBirthSchema,
    phone,
    reasonCategory: z.enum(reasonCategoryKeys),
  }),
  z.object({
    type: z.literal('SubmitQuestionnaire'),
    commandId,
    visitId: id,
    questionnaireId: id,
    answers: z.record(text().max(64), answerValue),
  }),
  z.object({
    type: z.literal('SignConsent'),
    commandId,
    visitId: id,
    documentId: id,
    signerName: name('your name'),
    signature: z.object({
      width: z.number().positive().max(4000),
      height: z.number().positive().max(4000),
      strokes: z.array(z.array(point).max(5000)).max(100),
    }),
  }),
  z.object({
    type: z.literal('UpdateContactDetails'),
    commandId,
    visitId: id,
    phone: phone.optional(),
    address: text().trim().max(300).optional(),
    emergencyContactName: text().trim().max(100).optional(),
    emergencyContactPhone: phone.optional(),
    insuranceProvider: text().trim().max(100).optional(),
    insuranceMemberId: text().trim().max(50).optional(),
  }),
  z.object({ type: z.literal('CompleteCheckIn'), commandId, visitId: id }),
  z.object({
    type: z.literal('SubmitSurvey'),
    commandId,
    visitId: id,
    questionnaireId: id,
    answers: z.record(text().max(64), answerValue),
  }),
  z.object({ type: z.literal('AcknowledgeAlert'), commandId, alertId: id }),
  z.object({
    type: z.literal('AnnounceDelay'),
    commandId,
    providerId: id,
    minutes: z
      .int()
      .min(delayMinutes.min, 'A delay cannot be negative')
      .max(delayMinutes.max, 'At most 4 hours'),
  }),
  z.object({
    type: z.literal('UpdateDisplaySettings'),
    commandId,
    displayNotice: text()
      .trim()
      .max(displayNoticeMaxLength, `Keep the notice under ${displayNoticeMaxLength} characters`)
      .nullable()
      .optional(),
    roomThresholds: z
      .partialRecord(
        z.enum(roomStatuses),
        z.int().min(roomThresholdMinutes.min).max(roomThresholdMinutes.max),
      )
      .optional(),
    displayPrivacy: z.enum(displayPrivacyModes).optional(),
  }),
  z.object({
    type: z.literal('SetEquipmentStatus'),
    commandId,
    equipmentId: id,
    status: z.enum(['in_service', 'out_of_service']),
    version,
  }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
/** Every command the command endpoint and socket accept, read off the schema: there is no second list to forget. */
export const commandTypes = commandSchema.options.flatMap((option) => {
  const type = option.shape.type;
  return 'options' in type ? type.options : [...type.values];
}) as CommandType[];

// Every command has a row in the permission table (a missing one fails to compile here).
commandTypes satisfies readonly CommandName[];

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
/** CompleteCheckIn: the patient is in the queue. */
export type QueuedResult = { ticketCode: string; estimatedMinutes: number };
/** SubmitQuestionnaire: urgent answers send the patient to the desk now. */
export type QuestionnaireResult = { urgent: boolean };

export type CommandSuccess = {
  ok: true;
  seq: number;
  result?: CheckInResult | QueuedResult | QuestionnaireResult;
};
export type CommandFailure = {
  ok: false;
  code: RefusalCode | TransportFailureCode;
  message: string;
  /** On a stale edit, the entity as it is now, so the client can show it. */
  current?: unknown;
  /** Field-level problems; `code` is stable for translation (e.g. a questionnaire's 'required'). */
  issues?: { path: string; message: string; code?: string }[];
};
export type CommandResult = CommandSuccess | CommandFailure;

/** Turns a zod failure into the specific, field-level error the client shows. */
export function validationFailure(error: z.ZodError): CommandFailure {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return {
    ok: false,
    code: 'VALIDATION',
    message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
    issues,
  };
}
