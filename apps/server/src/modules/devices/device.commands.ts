import type { HandlerMap } from '../../platform/handler';
import { pairDevice, revokeDevice, updateDevice } from './device.handlers';
import type { DeviceService } from './device.service';

export const deviceHandlers = (devices: DeviceService) =>
  ({
    PairDevice: pairDevice(devices),
    UpdateDevice: updateDevice(devices),
    RevokeDevice: revokeDevice,
  }) satisfies Partial<HandlerMap>;
