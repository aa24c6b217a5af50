import { pairDeviceSchema, updateDeviceSchema } from '@clinicflow/contracts';
import { RateLimiter } from '../../platform/rate-limiter';
import type { Router } from '../../http/route';

export function registerDeviceRoutes({ route, deps, ctx, error, invalid, origin }: Router): void {
  // A kiosk asks again only when its code expires; a burst means someone is scripting requests.
  const pairingLimiter = new RateLimiter({ capacity: 30, perSecond: 1 / 10 });
  route('requestPairing', async (req, reply) => {
    if (!pairingLimiter.take(origin(req), ctx.clock.now().getTime())) {
      return error(reply, 429, {
        code: 'RATE_LIMITED',
        message: 'Too many pairing requests from this address; wait a minute.',
      });
    }
    return deps.devices.requestPairing(origin(req));
  });

  route('deviceStatus', async (_req, reply, caller) => {
    const status = await deps.devices.status(caller.deviceToken);
    if (!status) return error(reply, 401, { code: 'UNAUTHENTICATED', message: 'This device is not paired.' });
    return status;
  });

  route('listDevices', () => deps.devices.list());

  route('pairDevice', async (req, reply, caller) => {
    const parsed = pairDeviceSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const device = await deps.devices.pair({ ...parsed.data, by: caller.actor!, origin: origin(req) });
    if (!device) {
      return error(reply, 404, {
        code: 'NOT_FOUND',
        message:
          'No device is waiting with that code. Check the code on the device; codes expire after 15 minutes.',
        issues: [{ path: 'code', message: 'No device is waiting with that code.' }],
      });
    }
    return reply.code(201).send(device);
  });

  route('updateDevice', async (req, reply, caller) => {
    const parsed = updateDeviceSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const id = (req.params as { id: string }).id;
    const device = await deps.devices.update({
      by: caller.actor!,
      id,
      origin: origin(req),
      changes: parsed.data,
    });
    if (!device)
      return error(reply, 404, { code: 'NOT_FOUND', message: 'No such device, or it was revoked.' });
    return device;
  });

  route('revokeDevice', async (req, reply, caller) => {
    const id = (req.params as { id: string }).id;
    if (!(await deps.devices.revoke({ by: caller.actor!, deviceId: id, origin: origin(req) }))) {
      return error(reply, 404, { code: 'NOT_FOUND', message: 'No such device, or it is already revoked.' });
    }
    return { ok: true };
  });
}
