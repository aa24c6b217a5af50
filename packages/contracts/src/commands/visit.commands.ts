import { z } from 'zod';
import { visitStatuses, type VisitAction } from '@clinicflow/domain';
import { graceMinutes, visitThresholdMinutes } from '../limits';
import { command, commandsFor, id, returns, version } from './define';
import type { CheckInResult } from './intake.commands';

const grace = z
  .int('Give whole minutes')
  .min(graceMinutes.min, `At least ${graceMinutes.min} minute`)
  .max(graceMinutes.max, `At most ${graceMinutes.max / 60} hours`);

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
  /** The clinic's flow-board rules; what is left out stays as it is. */
  UpdateFlowSettings: command({
    visitThresholds: z
      .partialRecord(
        z.enum(visitStatuses),
        z
          .int('Give whole minutes')
          .min(visitThresholdMinutes.min, `At least ${visitThresholdMinutes.min} minute`)
          .max(visitThresholdMinutes.max, `At most ${visitThresholdMinutes.max / 60} hours`),
      )
      .optional(),
    lateGraceMinutes: grace.optional(),
    noShowGraceMinutes: grace.optional(),
    checkInUnfinishedMinutes: grace.optional(),
  }),
  /** Sent by the server to itself: suggest a no-show for booked patients past the clinic's no-show grace. */
  FlagNoShows: command({}),
  /** Sent by the server to itself: flag patients left `arrived` (intake not finished) past the clinic's limit. */
  FlagUnfinishedCheckIns: command({}),
};
