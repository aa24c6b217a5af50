import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import type { ExtendedError, Socket } from 'socket.io';
import { maySee, type Actor, type DisplayPrivacy, type ViewName } from '@clinicflow/domain';
import { handshakeSchema, type View } from '@clinicflow/contracts';
import { isDatabaseUnavailable } from '@clinicflow/db';
import { sessionCookie } from '../http/access';
import type { AuthService } from '../modules/auth/auth.service';
import type { DeviceService } from '../modules/devices/device.service';
import type { ServiceContext } from '../platform/context';
import type { DatabaseHealth } from '../platform/database-health';

/**
 * Who a new socket is: a paired device by its token, or a signed-in person by the session cookie; then whether
 * they may watch the view they ask for. The error names what the client shows (UNAVAILABLE: the database is gone).
 */
export function authenticateSockets(input: {
  ctx: ServiceContext;
  auth: AuthService;
  devices: DeviceService;
  health: DatabaseHealth;
  permissionOf: (view: View) => ViewName;
}) {
  const { ctx, auth, devices, health } = input;
  return async (socket: Socket, next: (err?: ExtendedError) => void): Promise<void> => {
    try {
      const parsed = handshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(new Error('INVALID_HANDSHAKE'));
      const { view, lastSeq, deviceToken } = parsed.data;
      const origin = socket.handshake.address ?? null;
      let actor: Actor | null = null;
      let sessionId: string | null = null;
      let privacyChoice: DisplayPrivacy = 'ticket';
      if (deviceToken) {
        const device = await devices.authenticate(deviceToken);
        actor = device?.actor ?? null;
        privacyChoice = device?.device.config?.privacy ?? 'ticket';
      } else {
        const token = fastifyCookie.parse(socket.handshake.headers.cookie ?? '')[sessionCookie];
        const result = await auth.authenticate(token, { touch: false });
        if ('actor' in result) {
          actor = result.actor;
          sessionId = result.session.id;
        }
      }
      if (!actor) return next(new Error('UNAUTHENTICATED'));
      if (!maySee(actor, input.permissionOf(view))) return next(new Error('FORBIDDEN'));
      socket.data = { view, actor, origin, initialSeq: lastSeq, sessionId, privacyChoice };
      next();
    } catch (err) {
      // The client tries again after a pause; UNAVAILABLE lets it say why.
      if (isDatabaseUnavailable(err)) {
        health.failed(err);
        return next(new Error('UNAVAILABLE'));
      }
      ctx.logger.error({ err }, 'socket handshake failed');
      next(new Error('INTERNAL'));
    }
  };
}

/** Browsers always send Origin on a WebSocket or polling request; it must be this server's own. */
export function originAllowed(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: no ambient cookie to hijack
  if (publicOrigin) return origin === publicOrigin;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
