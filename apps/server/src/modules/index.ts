import type { HandlerMap } from '../platform/handler';
import { deviceHandlers } from './devices/device.commands';
import type { DeviceService } from './devices/device.service';
import { displayHandlers } from './displays/display.commands';
import { intakeHandlers } from './intake/intake.commands';
import { rosterHandlers } from './roster/roster.commands';
import { schedulingHandlers } from './scheduling/scheduling.commands';
import { staffHandlers } from './staff/staff.commands';
import type { StaffService } from './staff/staff.service';
import { visitHandlers } from './visits/visit.commands';

/** Every module's command handlers: a command without one does not compile here. */
export const commandHandlers = (services: { staff: StaffService; devices: DeviceService }): HandlerMap => ({
  ...visitHandlers,
  ...intakeHandlers,
  ...displayHandlers,
  ...schedulingHandlers,
  ...staffHandlers(services.staff),
  ...deviceHandlers(services.devices),
  ...rosterHandlers,
});
