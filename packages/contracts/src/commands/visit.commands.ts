import type { VisitAction } from '@clinicflow/domain';
import { command, commandsFor, id, returns, version } from './define';
import type { CheckInResult } from './intake.commands';

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

export const visitCommands = {
  CheckInPatient: command({ visitId: id }, returns<CheckInResult>()),
  CallPatient: command({ visitId: id, roomId: id, version }),
  ...commandsFor(Object.keys(visitCommandActions) as VisitCommandType[], command({ visitId: id, version })),
};
