import type { HandlerMap } from '../../platform/handler';
import { announceDelay, setEquipmentStatus, updateDisplaySettings } from './display.handlers';

export const displayHandlers = {
  AnnounceDelay: announceDelay,
  UpdateDisplaySettings: updateDisplaySettings,
  SetEquipmentStatus: setEquipmentStatus,
} satisfies Partial<HandlerMap>;
