import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { Logger } from 'pino';
import type { Clinic } from '@clinicflow/domain';
import { isDatabaseUnavailable, type DatabaseHandle } from '@clinicflow/db';
import { internalError, unavailable } from '@clinicflow/contracts';
import type { Clock } from './platform/clock';
import type { Config } from './config';
import { registerApiRoutes } from './http/api.routes';
import { DocumentService } from './modules/documents/document.service';
import { commandHandlers } from './modules';
import { inlineScriptHashes, registerStaticApps } from './http/static-apps';
import { createRealtime } from './realtime/realtime.gateway';
import { AuthService } from './modules/auth/auth.service';
import { CommandService } from './platform/command-bus';
import type { ServiceContext } from './platform/context';
import { DatabaseHealth } from './platform/database-health';
import { EventBus } from './platform/event-bus';
import { DeviceService } from './modules/devices/device.service';
import { KioskScope } from './platform/kiosk-scope';
import { KioskLookups } from './modules/intake/kiosk-lookups';
import { StaffService } from './modules/staff/staff.service';
import { watchVisitFlags } from './modules/visits/visit-flags.watcher';
import { watchExpiredHolds } from './modules/scheduling/hold-sweep';

export type App = {
  /** The port actually bound (useful with port 0). */
  port: number;
  url: string;
  close(): Promise<void>;
};

export type AppConfig = Pick<
  Config,
  | 'port'
  | 'host'
  | 'appsDir'
  | 'demo'
  | 'replayLimit'
  | 'env'
  | 'sessionIdleMs'
  | 'sessionMaxMs'
  | 'sessionSweepMs'
  | 'lateCheckMs'
  | 'publicOrigin'
  | 'trustProxy'
>;

/** Builds and starts the HTTP + Socket.IO server for one clinic on an open database. */
export async function startApp(input: {
  config: AppConfig;
  database: DatabaseHandle;
  clinic: Clinic;
  clock: Clock;
  logger: Logger;
}): Promise<App> {
  const { config, database, clinic, clock, logger } = input;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    // Only the proxies named in TRUST_PROXY may say who the client is (sign-in throttling goes by address).
    trustProxy: config.trustProxy,
  });
  const ctx: ServiceContext = {
    db: database.db,
    clock,
    clinicId: clinic.id,
    logger,
    events: new EventBus(logger),
  };

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", ...inlineScriptHashes(config.appsDir)],
        // Svelte sets inline style attributes for transitions and dynamic sizes.
        'style-src': ["'self'", "'unsafe-inline'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
  });

  const health = new DatabaseHealth(() => database.ping(), logger);
  health.start();

  app.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    if (isDatabaseUnavailable(error)) {
      health.failed(error);
      return reply.code(503).send(unavailable);
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    // Never leak a stack trace; a client error says what was wrong with the request.
    return reply
      .code(status)
      .send(status === 500 ? internalError : { ok: false, code: 'VALIDATION', message: error.message });
  });

  const kiosk = new KioskScope();
  const lookups = new KioskLookups(ctx, kiosk);
  const auth = new AuthService(ctx, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs });
  const devices = new DeviceService(ctx);
  const staff = new StaffService(ctx);
  const documents = new DocumentService(ctx);
  const commands = new CommandService({
    ctx,
    kiosk,
    health,
    handlers: commandHandlers({ staff, devices }),
  });
  const realtime = createRealtime({
    httpServer: app.server,
    ctx,
    clinic,
    commands,
    auth,
    devices,
    staff,
    lookups,
    health,
    replayLimit: config.replayLimit,
    sessionSweepMs: config.sessionSweepMs ?? 10_000,
    publicOrigin: config.publicOrigin,
  });
  commands.onCommitted((events) => realtime.publish(events));
  const visitFlags = watchVisitFlags({
    ctx,
    commands,
    everyMs: config.lateCheckMs ?? 30_000,
  });
  const holdSweep = watchExpiredHolds({ ctx, commands, everyMs: config.lateCheckMs ?? 30_000 });

  registerApiRoutes(app, {
    ctx,
    commands,
    auth,
    devices,
    staff,
    documents,
    health,
    lookups,
    demo: config.demo,
    databaseKind: database.kind,
    secureCookies: config.env === 'production',
    publicOrigin: config.publicOrigin,
  });
  await registerStaticApps(app, config.appsDir);
  app.get('/', (_req, reply) => reply.redirect('/console/'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // Stop taking new work, finish the commands already accepted, then drop the sockets.
      health.stop();
      visitFlags.stop();
      holdSweep.stop();
      lookups.close();
      const closing = app.close();
      await commands.drain();
      await realtime.close();
      await closing;
      await documents.close();
    },
  };
}
