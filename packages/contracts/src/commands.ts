import { z } from 'zod';
import type { RefusalCode, RoomAction, VisitAction } from '@clinicflow/domain';

const id = z.uuid();
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

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CheckInPatient'), commandId, visitId: id }),
  z.object({ type: z.literal('CallPatient'), commandId, visitId: id, roomId: id, version }),
  z.object({ type: z.enum(visitCommandTypes), commandId, visitId: id, version }),
  z.object({ type: z.enum(roomCommandTypes), commandId, roomId: id, version }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
/** Every command the command endpoint and socket accept. */
export const commandTypes: CommandType[] = [
  'CheckInPatient',
  'CallPatient',
  ...visitCommandTypes,
  ...roomCommandTypes,
];

export type CheckInResult = { ticketCode: string; estimatedMinutes: number };

export type CommandSuccess = { ok: true; seq: number; result?: CheckInResult };
export type CommandFailure = {
  ok: false;
  code: RefusalCode | 'VALIDATION' | 'INTERNAL';
  message: string;
  /** On a stale edit, the entity as it is now, so the client can show it. */
  current?: unknown;
  issues?: { path: string; message: string }[];
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
