import { defaultDisplayConfig, refuse } from '@clinicflow/domain';
import { repo } from '@clinicflow/db';
import type { InternalEvent } from '../../platform/event-bus';
import type { Handler } from '../../platform/handler';
import type { DeviceService } from './device.service';

/** An admin types the code a kiosk or screen shows: that device is paired and keeps its token. */
export const pairDevice =
  (devices: DeviceService): Handler<'PairDevice'> =>
  async ({ tx, command, clinicId, now }) => {
    const pending = await repo.pairingRequests.findPending(tx, { clinicId, now, code: command.code });
    if (!pending) {
      return {
        ...refuse(
          'NOT_FOUND',
          'No device is waiting with that code. Check the code on the device; codes expire after 15 minutes.',
        ),
        issues: [{ path: 'code', message: 'No device is waiting with that code.' }],
      };
    }
    await repo.pairingRequests.delete(tx, clinicId, pending.id);
    const device = await repo.devices.insert(tx, {
      clinicId,
      name: command.name,
      type: command.deviceType,
      location: command.location,
      tokenHash: pending.tokenHash,
      now,
      config: command.deviceType === 'kiosk' ? null : defaultDisplayConfig(command.deviceType),
    });
    return {
      ok: true,
      events: [],
      result: devices.info(device),
      entity: { type: 'device', id: device.id },
      effects: [{ name: 'devicesChanged', payload: {} }],
    };
  };

/** Renames, moves or reconfigures a device; a display's new settings apply on its screen at once. */
export const updateDevice =
  (devices: DeviceService): Handler<'UpdateDevice'> =>
  async ({ tx, command, clinicId }) => {
    const existing = await repo.devices.get(tx, clinicId, command.deviceId);
    if (!existing || existing.revokedAt) return refuse('NOT_FOUND', 'No such device, or it was revoked.');
    const { name, location, config } = command;
    // A kiosk has no display settings.
    const device = await repo.devices.update(tx, {
      clinicId,
      id: existing.id,
      name,
      location,
      config: existing.type === 'kiosk' ? undefined : config,
    });
    if (!device) return refuse('NOT_FOUND', 'No such device, or it was revoked.');
    const effects: InternalEvent[] = [{ name: 'devicesChanged', payload: {} }];
    if (device.config && config) {
      effects.unshift({
        name: 'displayConfigChanged',
        payload: { deviceId: device.id, config: device.config },
      });
    }
    return {
      ok: true,
      events: [],
      result: devices.info(device),
      entity: { type: 'device', id: device.id },
      effects,
    };
  };

/** Unpairs a device: its token stops working and its screen goes back to pairing at once. */
export const revokeDevice: Handler<'RevokeDevice'> = async ({ tx, command, clinicId, now }) => {
  if (!(await repo.devices.revoke(tx, clinicId, command.deviceId, now))) {
    return refuse('NOT_FOUND', 'No such device, or it is already revoked.');
  }
  const effects: InternalEvent[] = [
    { name: 'deviceRevoked', payload: { deviceId: command.deviceId } },
    { name: 'devicesChanged', payload: {} },
  ];
  return { ok: true, events: [], entity: { type: 'device', id: command.deviceId }, effects };
};
