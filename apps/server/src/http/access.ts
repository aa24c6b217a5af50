import type { FastifyRequest } from 'fastify';
import { commandNames, mayRun, maySee, type Actor, type CommandName } from '@clinicflow/domain';
import type { RouteAccess } from '@clinicflow/contracts';
import type { AuthService, StaffSession } from '../modules/auth/auth.service';
import type { DeviceActor, DeviceService } from '../modules/devices/device.service';

export const sessionCookie = 'cf_session';

export type Caller = {
  actor: Actor | null;
  staff: StaffSession | null;
  device: DeviceActor | null;
  deviceToken: string | undefined;
};

/** The device token from `Authorization: Device <token>`. */
function deviceTokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Device ') ? header.slice('Device '.length).trim() : undefined;
}

/** Who is calling: a staff session (cookie) or a paired device (token). `touch` counts the call as activity. */
export async function identify(
  req: FastifyRequest,
  services: { auth: AuthService; devices: DeviceService },
  options: { touch: boolean },
): Promise<Caller> {
  const deviceToken = deviceTokenOf(req);
  if (deviceToken) {
    const device = await services.devices.authenticate(deviceToken);
    return { actor: device?.actor ?? null, staff: null, device: device?.actor ?? null, deviceToken };
  }
  const result = await services.auth.authenticate(req.cookies[sessionCookie], options);
  const staff = 'actor' in result ? result : null;
  return { actor: staff?.actor ?? null, staff, device: null, deviceToken };
}

/** 401 when nobody is identified, 403 when the caller may not, otherwise null. */
export function refusal(access: RouteAccess, caller: Caller, body: unknown): 401 | 403 | null {
  if (access.kind === 'public') return null;
  if (access.kind === 'device') return caller.deviceToken ? null : 401; // the route itself checks the token
  if (!caller.actor) return 401;
  switch (access.kind) {
    case 'staff':
      return caller.staff ? null : 403;
    case 'view':
      return maySee(caller.actor, access.view) ? null : 403;
    case 'command':
      return mayRun(caller.actor, access.command) ? null : 403;
    case 'anyCommand': {
      // An unknown or malformed command is the command service's to reject with a specific message.
      const type = (body as { type?: unknown } | null)?.type;
      const known = typeof type === 'string' && (commandNames as string[]).includes(type);
      return !known || mayRun(caller.actor, type as CommandName) ? null : 403;
    }
  }
}

/** Cookie-authenticated changes must come from our own pages: a matching Origin (CSRF, with SameSite=Strict). */
export function sameOrigin(req: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (publicOrigin) return origin === publicOrigin;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
