import type { HandlerMap } from '../../platform/handler';
import { bookAppointment, cancelAppointment, moveAppointment } from './scheduling.handlers';

export const schedulingHandlers = {
  BookAppointment: bookAppointment,
  MoveAppointment: moveAppointment,
  CancelAppointment: cancelAppointment,
} satisfies Partial<HandlerMap>;
