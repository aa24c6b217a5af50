import type { HandlerMap } from '../../platform/handler';
import { bookSeries, cancelSeries, editSeries } from './series.handlers';
import {
  bookAppointment,
  cancelAppointment,
  flagLateArrivals,
  moveAppointment,
  overbookAppointment,
} from './scheduling.handlers';
import {
  blockRoom,
  createAppointmentType,
  holdSlot,
  releaseExpiredHolds,
  releaseHold,
  retireAppointmentType,
  setSchedulingRules,
  unblockRoom,
  updateAppointmentType,
} from './scheduling-setup.handlers';

export const schedulingHandlers = {
  BookAppointment: bookAppointment,
  OverbookAppointment: overbookAppointment,
  MoveAppointment: moveAppointment,
  CancelAppointment: cancelAppointment,
  FlagLateArrivals: flagLateArrivals,
  BookSeries: bookSeries,
  EditSeries: editSeries,
  CancelSeries: cancelSeries,
  CreateAppointmentType: createAppointmentType,
  UpdateAppointmentType: updateAppointmentType,
  RetireAppointmentType: retireAppointmentType,
  SetSchedulingRules: setSchedulingRules,
  BlockRoom: blockRoom,
  UnblockRoom: unblockRoom,
  HoldSlot: holdSlot,
  ReleaseHold: releaseHold,
  ReleaseExpiredHolds: releaseExpiredHolds,
} satisfies Partial<HandlerMap>;
