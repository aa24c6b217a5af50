import { RateLimiter } from '../../platform/rate-limiter';
import type { Router } from '../../http/route';

export function registerDeviceRoutes({ route, deps, ctx, error, origin, command }: Router): void {
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

  route('pairDevice', (req, reply, caller) =>
    command({
      req,
      reply,
      caller,
      type: 'PairDevice',
      fields: { deviceType: bodyField(req, 'type') },
      created: true,
    }),
  );
  route('updateDevice', (req, reply, caller) =>
    command({ req, reply, caller, type: 'UpdateDevice', fields: { deviceId: idOf(req) } }),
  );
  route('revokeDevice', (req, reply, caller) =>
    command({ req, reply, caller, type: 'RevokeDevice', fields: { deviceId: idOf(req) } }),
  );
}

const idOf = (req: { params: unknown }) => (req.params as { id: string }).id;
/** One field of a body not yet validated (the command's schema checks it). */
const bodyField = (req: { body: unknown }, key: string): unknown =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>)[key] : undefined;
