import type { HandlerMap } from '../platform/handler';
import { displayHandlers } from './displays/display.commands';
import { intakeHandlers } from './intake/intake.commands';
import { visitHandlers } from './visits/visit.commands';

/** Every module's command handlers: a command without one does not compile here. */
export const commandHandlers: HandlerMap = { ...visitHandlers, ...intakeHandlers, ...displayHandlers };
