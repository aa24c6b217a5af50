import type { HandlerMap } from '../../platform/handler';
import { bookAppointment, cancelAppointment, flagLateArrivals, moveAppointment } from './scheduling.handlers';
import { bookSeries, cancelSeries, editSeries } from './series.handlers';

export const schedulingHandlers = {
  BookAppointment: bookAppointment,
  MoveAppointment: moveAppointment,
  CancelAppointment: cancelAppointment,
  FlagLateArrivals: flagLateArrivals,
  BookSeries: bookSeries,
  EditSeries: editSeries,
  CancelSeries: cancelSeries,
} satisfies Partial<HandlerMap>;
