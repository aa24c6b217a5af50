import type { ActorClass } from '../shared/actor';
import { visitActions } from './visit';

/** Visit commands take their rule from the visit state machine, so the two can never disagree. */
export const visitPermissions = {
  CheckInPatient: visitActions.checkIn.by,
  CallPatient: visitActions.call.by,
  ReturnPatientToWaiting: visitActions.returnToWaiting.by,
  MarkPatientInRoom: visitActions.enterRoom.by,
  StartConsultation: visitActions.startConsult.by,
  CheckOutPatient: visitActions.checkOut.by,
  MarkNoShow: visitActions.markNoShow.by,
  CancelVisit: visitActions.cancel.by,
  MarkLeftWithoutBeingSeen: visitActions.markLeftWithoutBeingSeen.by,
  SendToWaitingRoom: visitActions.queue.by,
  UpdateFlowSettings: ['coordinator', 'admin'],
  /** The server's own clock raises them; nobody sends them. */
  FlagNoShows: ['system'],
  FlagUnfinishedCheckIns: ['system'],
} as const satisfies Record<string, readonly ActorClass[]>;
