import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { clinicDay } from '@clinicflow/domain';
import {
  apiRoutes,
  auditQuerySchema,
  idSchema,
  createStaffSchema,
  loginSchema,
  pairDeviceSchema,
  resetPasswordSchema,
  updateDeviceSchema,
  updateStaffSchema,
  type ApiError,
  type RouteName,
} from '@clinicflow/contracts';
import { appointmentCodesForDay, getClinic, latestSeqs, listVisitsForDay } from '@clinicflow/db';
import { queryAudit, verifyAudit, audit } from '../services/audit.service';
import type { AuthService } from '../services/auth.service';
import type { CommandService } from '../services/command.service';
import type { ServiceContext } from '../services/context';
import type { DatabaseHealth } from '../services/database-health';
import type { DeviceService } from '../services/device.service';
import type { KioskLookups } from '../services/kiosk.service';
import type { StaffService } from '../services/staff.service';
import type { Realtime } from '../realtime/realtime.gateway';
import { RateLimiter } from '../services/rate-limiter';
import { identify, refusal, sameOrigin, sessionCookie, type Caller } from './access';

export type ApiDeps = {
  ctx: ServiceContext;
  commands: CommandService;
  auth: AuthService;
  devices: DeviceService;
  staff: StaffService;
  realtime: Realtime;
  health: DatabaseHealth;
  lookups: KioskLookups;
  demo: boolean;
  databaseKind: string;
  secureCookies: boolean;
  publicOrigin: string | undefined;
};

const error = (reply: FastifyReply, status: number, body: Omit<ApiError, 'ok'>) =>
  reply.code(status).send({ ok: false, ...body });

function invalid(reply: FastifyReply, zerr: z.ZodError) {
  const issues = zerr.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return error(reply, 400, { code: 'VALIDATION', message: issues.map((i) => i.message).join('; '), issues });
}

/** Every route comes from `apiRoutes`, so none can be added without its access rule. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { ctx } = deps;
  type Handler = (req: FastifyRequest, reply: FastifyReply, caller: Caller) => unknown;

  const route = (name: RouteName, handler: Handler) => {
    const { method, path, access } = apiRoutes[name];
    app.route({
      method,
      url: path,
      handler: async (req, reply) => {
        if (
          method !== 'GET' &&
          (req.cookies[sessionCookie] || req.headers.origin) &&
          !sameOrigin(req, deps.publicOrigin)
        ) {
          return error(reply, 403, { code: 'FORBIDDEN', message: 'Cross-site request refused.' });
        }
        // Path ids are UUIDs; anything else is refused here, before a database could choke on it.
        const params = req.params as Record<string, string>;
        if ('id' in params && !idSchema.safeParse(params.id).success) {
          return error(reply, 400, { code: 'VALIDATION', message: 'Not a valid id' });
        }
        // Reading the session state is not activity; everything else a person does is.
        const caller = await identify(req, deps, { touch: name !== 'session' });
        const refused = refusal(access, caller, req.body);
        if (refused === 401) return error(reply, 401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' });
        if (refused === 403)
          return error(reply, 403, { code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
        return handler(req, reply, caller);
      },
    });
  };
  const origin = (req: FastifyRequest) => req.ip;

  // Load balancers and the wallboard's self-check ask this: 503 while the database cannot be reached.
  route('health', async (_req, reply) => {
    // A fresh connection decides, not the pool, which may still hold connections a restart killed.
    if ((await deps.health.probe()) === 'down') {
      return reply.code(503).send({ ok: false, database: deps.databaseKind, databaseStatus: 'down' });
    }
    const seq = await latestSeqs(ctx.db, ctx.clinicId).then(
      (s) => s.lastSeq,
      () => null,
    );
    return { ok: true, database: deps.databaseKind, databaseStatus: 'up', seq };
  });

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
    deps.realtime.endSessions([caller.staff!.session.id], 'signed_out');
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  route('logoutEverywhere', async (req, reply, caller) => {
    const ids = await deps.auth.endAllSessions({
      staffId: caller.staff!.staff.id,
      by: caller.actor!,
      reason: 'signed_out',
      origin: origin(req),
    });
    deps.realtime.endSessions(ids, 'signed_out');
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  route('commands', (req, _reply, caller) =>
    deps.commands.execute({ actor: caller.actor!, command: req.body, origin: origin(req) }),
  );

  route('findAppointment', (req, _reply, caller) =>
    deps.lookups.find({ query: req.body, actor: caller.actor!, origin: origin(req) }),
  );

  route('listStaff', () => deps.staff.list());

  route('createStaff', async (req, reply, caller) => {
    const parsed = createStaffSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const created = await deps.staff.create({ ...parsed.data, by: caller.actor!, origin: origin(req) });
    if (created === 'USERNAME_TAKEN') {
      return error(reply, 409, {
        code: 'CONFLICT',
        message: 'That username is taken.',
        issues: [{ path: 'username', message: 'That username is taken.' }],
      });
    }
    return reply.code(201).send(created);
  });

  route('updateStaff', async (req, reply, caller) => {
    const parsed = updateStaffSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const id = (req.params as { id: string }).id;
    if (
      id === caller.staff?.staff.id &&
      (parsed.data.disabled || (parsed.data.role && parsed.data.role !== 'admin'))
    ) {
      return error(reply, 409, {
        code: 'CONFLICT',
        message: 'You cannot disable your own account or remove your own admin role.',
      });
    }
    const updated = await deps.staff.update({
      by: caller.actor!,
      origin: origin(req),
      id,
      changes: parsed.data,
    });
    if (!updated) return error(reply, 404, { code: 'NOT_FOUND', message: 'No such account.' });
    if (parsed.data.disabled) {
      deps.realtime.endSessions(
        await deps.auth.endAllSessions({
          staffId: id,
          by: caller.actor!,
          reason: 'disabled',
          origin: origin(req),
        }),
        'disabled',
      );
    }
    return updated;
  });

  route('resetPassword', async (req, reply, caller) => {
    const parsed = resetPasswordSchema.safeParse(req.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const id = (req.params as { id: string }).id;
    if (
      !(await deps.staff.resetPassword({
        by: caller.actor!,
        origin: origin(req),
        id,
        password: parsed.data.password,
      }))
    ) {
      return error(reply, 404, { code: 'NOT_FOUND', message: 'No such account.' });
    }
    // A new password ends every session that was signed in with the old one.
    deps.realtime.endSessions(
      await deps.auth.endAllSessions({
        staffId: id,
        by: caller.actor!,
        reason: 'revoked',
        origin: origin(req),
      }),
      'revoked',
    );
    return { ok: true };
  });

  // A kiosk asks again only when its code expires; a burst means someone is scripting requests.
  const pairingLimiter = new RateLimiter({ capacity: 30, perSecond: 1 / 10 });
  route('requestPairing', async (req, reply) => {
    if (!pairingLimiter.take(origin(req), Date.now())) {
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
    await deps.realtime.devicesChanged();
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
    if (device.config) await deps.realtime.displayConfigChanged(device.id, device.config);
    await deps.realtime.devicesChanged();
    return device;
  });

  route('revokeDevice', async (req, reply, caller) => {
    const id = (req.params as { id: string }).id;
    if (!(await deps.devices.revoke({ by: caller.actor!, deviceId: id, origin: origin(req) }))) {
      return error(reply, 404, { code: 'NOT_FOUND', message: 'No such device, or it is already revoked.' });
    }
    deps.realtime.disconnectDevice(id);
    await deps.realtime.devicesChanged();
    return { ok: true };
  });

  route('auditLog', async (req, reply) => {
    const parsed = auditQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    return queryAudit(ctx, parsed.data);
  });

  route('verifyAudit', () => verifyAudit(ctx));

  route('demoPatients', async (req, reply, caller) => {
    // Demo only: who to type at the kiosk. Synthetic patients; the route answers 404 when DEMO is off.
    if (!deps.demo) return error(reply, 404, { code: 'NOT_FOUND', message: 'Not found' });
    const clinic = (await getClinic(ctx.db, ctx.clinicId))!;
    const day = clinicDay(ctx.clock.now(), clinic.timezone);
    const visits = await listVisitsForDay(ctx.db, ctx.clinicId, day);
    const codes = await appointmentCodesForDay(ctx.db, ctx.clinicId, day);
    await audit(ctx, {
      actor: caller.actor!,
      action: 'ListDemoPatients',
      entityType: 'patient',
      entityId: null,
      origin: origin(req),
    });
    return visits.map((v) => ({
      ...v.patient,
      visitId: v.id,
      status: v.status,
      scheduledAt: v.scheduledAt,
      reasonCategory: v.reasonCategory,
      appointmentCode: codes.get(v.id) ?? null,
    }));
  });
}
