import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  apiRoutes,
  idSchema,
  type ApiError,
  type CommandFailure,
  type CommandType,
  type RouteName,
  validationFailure,
} from '@clinicflow/contracts';
import type { AuthService } from '../modules/auth/auth.service';
import type { DeviceService } from '../modules/devices/device.service';
import type { DocumentService } from '../modules/documents/document.service';
import type { KioskLookups } from '../modules/intake/kiosk-lookups';
import type { StaffService } from '../modules/staff/staff.service';
import type { CommandService } from '../platform/command-bus';
import type { ServiceContext } from '../platform/context';
import type { DatabaseHealth } from '../platform/database-health';
import { identify, refusal, sameOrigin, sessionCookie, type Caller } from './access';

export type ApiDeps = {
  ctx: ServiceContext;
  commands: CommandService;
  auth: AuthService;
  devices: DeviceService;
  staff: StaffService;
  documents: DocumentService;
  health: DatabaseHealth;
  lookups: KioskLookups;
  demo: boolean;
  databaseKind: string;
  secureCookies: boolean;
  publicOrigin: string | undefined;
};

type Handler = (req: FastifyRequest, reply: FastifyReply, caller: Caller) => unknown;

const error = (reply: FastifyReply, status: number, body: Omit<ApiError, 'ok'>) =>
  reply.code(status).send({ ok: false, ...body });
export type ErrorReply = typeof error;

/** A body that failed its schema: the same field-level answer a command gets. */
function invalid(reply: FastifyReply, zerr: z.ZodError) {
  return reply.code(400).send(validationFailure(zerr));
}

const statusOf: Partial<Record<CommandFailure['code'], number>> = {
  VALIDATION: 400,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/**
 * A REST route that is a command underneath: the body (and the path's id) become the command, run like any
 * other (validated, authorized, idempotent by the body's `commandId` when the client sends one, audited), and
 * its answer becomes the HTTP reply.
 */
async function runCommand<T extends CommandType>(
  deps: ApiDeps,
  input: {
    req: FastifyRequest;
    reply: FastifyReply;
    caller: Caller;
    type: T;
    fields?: object;
    created?: boolean;
  },
) {
  const body = typeof input.req.body === 'object' && input.req.body !== null ? input.req.body : {};
  const result = await deps.commands.execute({
    actor: input.caller.actor!,
    command: { commandId: crypto.randomUUID(), ...body, ...input.fields, type: input.type },
    origin: input.req.ip,
  });
  if (!result.ok) return input.reply.code(statusOf[result.code] ?? 409).send(result);
  return input.reply.code(input.created ? 201 : 200).send(result.result ?? { ok: true });
}

/** What a module's routes are written with: the typed route helper, the services, and the error replies. */
export type Router = {
  /** `refuse` answers the router's own refusals (bad id, 401, 403) where a route speaks another format. */
  route: (name: RouteName, handler: Handler, options?: { refuse?: ErrorReply }) => void;
  deps: ApiDeps;
  ctx: ServiceContext;
  error: typeof error;
  invalid: typeof invalid;
  origin: (req: FastifyRequest) => string;
  command: <T extends CommandType>(
    input: Omit<Parameters<typeof runCommand<T>>[1], never>,
  ) => Promise<unknown>;
};

/** Every route comes from `apiRoutes`, so none can be added without its access rule. */
export function createRouter(app: FastifyInstance, deps: ApiDeps): Router {
  const route = (name: RouteName, handler: Handler, options: { refuse?: ErrorReply } = {}) => {
    const { method, path, access } = apiRoutes[name];
    const refuse = options.refuse ?? error;
    app.route({
      method,
      url: path,
      handler: async (req, reply) => {
        if (
          method !== 'GET' &&
          (req.cookies[sessionCookie] || req.headers.origin) &&
          !sameOrigin(req, deps.publicOrigin)
        ) {
          return refuse(reply, 403, { code: 'FORBIDDEN', message: 'Cross-site request refused.' });
        }
        // Path ids are UUIDs; anything else is refused here, before a database could choke on it.
        const params = req.params as Record<string, string>;
        if ('id' in params && !idSchema.safeParse(params.id).success) {
          return refuse(reply, 400, { code: 'VALIDATION', message: 'Not a valid id' });
        }
        // Reading the session state is not activity; everything else a person does is.
        const caller = await identify(req, deps, { touch: name !== 'session' });
        const refused = refusal(access, caller, req.body);
        if (refused === 401)
          return refuse(reply, 401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' });
        if (refused === 403)
          return refuse(reply, 403, { code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
        return handler(req, reply, caller);
      },
    });
  };
  return {
    route,
    deps,
    ctx: deps.ctx,
    error,
    invalid,
    origin: (req) => req.ip,
    command: (input) => runCommand(deps, input),
  };
}
