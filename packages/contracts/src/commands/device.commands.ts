import { z } from 'zod';
import { deviceTypes } from '@clinicflow/domain';
import { pairDeviceSchema, updateDeviceSchema, type DeviceInfo } from '../auth';
import { command, id, returns } from './define';

// `type` names the command, so the kind of device travels as `deviceType`.
const { type: _type, ...pairing } = pairDeviceSchema.shape;

/** Admins pair the clinic's kiosks and screens by the code each one shows, and unpair them. */
export const deviceCommands = {
  PairDevice: command({ ...pairing, deviceType: z.enum(deviceTypes) }, returns<DeviceInfo>()),
  UpdateDevice: command({ deviceId: id, ...updateDeviceSchema.shape }, returns<DeviceInfo>()),
  RevokeDevice: command({ deviceId: id }),
};
