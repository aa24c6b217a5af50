import type { HandlerMap } from '../../platform/handler';
import { changeRoom, changeVisit, checkIn } from './visit.handlers';
import { flagNoShows, flagUnfinishedCheckIns, updateFlowSettings } from './visit-flags.handlers';

export const visitHandlers = {
  CheckInPatient: checkIn,
  CallPatient: changeVisit,
  ReturnPatientToWaiting: changeVisit,
  MarkPatientInRoom: changeVisit,
  StartConsultation: changeVisit,
  CheckOutPatient: changeVisit,
  MarkNoShow: changeVisit,
  CancelVisit: changeVisit,
  MarkLeftWithoutBeingSeen: changeVisit,
  SendToWaitingRoom: changeVisit,
  MarkRoomCleaned: changeRoom,
  TakeRoomOutOfService: changeRoom,
  ReturnRoomToService: changeRoom,
  UpdateFlowSettings: updateFlowSettings,
  FlagNoShows: flagNoShows,
  FlagUnfinishedCheckIns: flagUnfinishedCheckIns,
} satisfies Partial<HandlerMap>;
