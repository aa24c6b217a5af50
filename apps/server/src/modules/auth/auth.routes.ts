import { loginSchema } from '@clinicflow/contracts';
import { sessionCookie } from '../../http/access';
import type { Router } from '../../http/route';

export function registerAuthRoutes({ route, deps, error, invalid, origin }: Router): void {
  route('login', async (req, reply) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const result = await deps.auth.login({ ...parsed.data, origin: origin(req) });
    if (!result.ok) return error(reply, result.status, { code: result.code, message: result.message });
    void reply.setCookie(sessionCookie, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      // No maxAge: a browser session cookie; the server enforces idle and absolute limits.
    });
    return result.info;
  });

  route('session', (_req, _reply, caller) => deps.auth.info(caller.staff!.staff, caller.staff!.session));

  route('keepAlive', (_req, _reply, caller) => deps.auth.info(caller.staff!.staff, caller.staff!.session));

  route('logout', async (req, reply, caller) => {
    await deps.auth.logout(caller.staff!, origin(req));
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  route('logoutEverywhere', async (req, reply, caller) => {
    await deps.auth.endAllSessions({
      staffId: caller.staff!.staff.id,
      by: caller.actor!,
      reason: 'signed_out',
      origin: origin(req),
    });
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });
}
