import type { HandlerMap } from '../../platform/handler';
import { bookAppointment, cancelAppointment, flagLateArrivals, moveAppointment } from './scheduling.handlers';

export const schedulingHandlers = {
  BookAppointment: bookAppointment,
  MoveAppointment: moveAppointment,
  CancelAppointment: cancelAppointment,
  FlagLateArrivals: flagLateArrivals,
} satisfies Partial<HandlerMap>;
