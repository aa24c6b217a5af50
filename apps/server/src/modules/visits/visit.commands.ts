import type { HandlerMap } from '../../platform/handler';
import { changeRoom, changeVisit, checkIn } from './visit.handlers';

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
} satisfies Partial<HandlerMap>;
