import type { VisitStatus } from '@clinicflow/domain';
import type { VisitCommandType } from '@clinicflow/contracts';
import type { messages } from './messages';

export type RowAction = {
  command: VisitCommandType;
  label: keyof typeof messages.actions;
  testId: string;
  primary?: boolean;
};

/**
 * The one-click actions a flow-board row offers in each status (calling to a room has its own picker). Each is
 * shown only to roles that may run its command.
 */
export const rowActions: Partial<Record<VisitStatus, RowAction[]>> = {
  booked: [{ command: 'MarkNoShow', label: 'noShow', testId: 'action-no-show' }],
  arrived: [{ command: 'SendToWaitingRoom', label: 'sendToWaiting', testId: 'action-queue' }],
  called: [
    { command: 'MarkPatientInRoom', label: 'inRoom', testId: 'action-in-room', primary: true },
    { command: 'ReturnPatientToWaiting', label: 'backToWaiting', testId: 'action-back-to-waiting' },
  ],
  in_room: [
    { command: 'StartConsultation', label: 'providerIn', testId: 'action-provider-in', primary: true },
    { command: 'CheckOutPatient', label: 'checkOut', testId: 'action-check-out' },
  ],
  with_provider: [
    { command: 'CheckOutPatient', label: 'checkOut', testId: 'action-check-out', primary: true },
  ],
};
