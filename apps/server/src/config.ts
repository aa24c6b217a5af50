import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /** Real Postgres when set; otherwise the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data/pglite'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** A demo clinic is seeded on an empty database, and re-filled each new day. Off in production unless asked. */
    DEMO: z.enum(['true', 'false']).optional(),
    /** Used only when the first start creates the clinic. */
    CLINIC_NAME: z.string().min(1).default('Riverside Family Practice'),
    CLINIC_TIMEZONE: z.string().default('America/New_York'),
    /** How many missed events a reconnecting client may replay before it gets a fresh snapshot instead. */
    REPLAY_LIMIT: z.coerce.number().int().positive().default(500),
    /** Staff are signed out after this long without activity (default 15 minutes). */
    SESSION_IDLE_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .default(900),
    /** ...and after this long in any case. */
    SESSION_MAX_HOURS: z.coerce.number().positive().max(24).default(12),
    /** The origin browsers use to reach the server, when a proxy rewrites Host (e.g. https://clinic.example). */
    PUBLIC_ORIGIN: z.string().url().optional(),
    /**
     * Behind a reverse proxy: the proxies whose X-Forwarded-For to believe, as addresses or CIDRs, comma-separated
     * (or loopback, uniquelocal). Unset: the connection's own address is used, never the header.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^[\w.:/]+(\s*,\s*[\w.:/]+)*$/, 'addresses or CIDRs, comma-separated')
      .refine(
        (v) => v !== 'true',
        'name the proxies; trusting every X-Forwarded-For lets anyone pick their address',
      )
      .optional(),
    /** Password of the first admin account on a non-demo first start; a random one is logged when unset. */
    ADMIN_INITIAL_PASSWORD: z.string().min(12).optional(),
    /** Where the built SvelteKit apps are; each app's build/ folder is served under its name. */
    APPS_DIR: z.string().default('..'),
    /**
     * Tests only: the server's clock starts at this instant and runs at real speed from there. Refused in
     * production, so a clinic's clock can never be set back or forth by a stray variable.
     */
    CLOCK_START: z.string().datetime({ offset: true }).optional(),
    /** How often the server looks for late patients and no-shows, in seconds; tests shorten it. */
    FLAG_CHECK_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  })
  .refine((e) => !(e.CLOCK_START && e.NODE_ENV === 'production'), {
    path: ['CLOCK_START'],
    message: 'is for tests only; it is refused with NODE_ENV=production',
  });

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  demo: boolean;
  clinicName: string;
  clinicTimezone: string;
  replayLimit: number;
  appsDir: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** How often connected staff sockets re-check their session (idle, expiry, sign-out elsewhere); tests shorten it. */
  sessionSweepMs?: number;
  /** How often the server looks for late, no-show and unfinished check-ins (by each clinic's rules); tests shorten it. */
  lateCheckMs?: number;
  publicOrigin: string | undefined;
  /** Fastify's trustProxy: false, or the proxies' addresses. */
  trustProxy: false | string;
  adminInitialPassword: string | undefined;
  /** Where a test's server clock starts (CLOCK_START); undefined: the real time. */
  clockStart: Date | undefined;
};

/** The one place that reads the environment. Relative paths resolve against the server package folder. */
export function loadConfig(env: Record<string, string | undefined>, baseDir: string): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR === 'memory' ? 'memory' : resolve(baseDir, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO ? e.DEMO === 'true' : e.NODE_ENV !== 'production',
    clinicName: e.CLINIC_NAME,
    clinicTimezone: e.CLINIC_TIMEZONE,
    replayLimit: e.REPLAY_LIMIT,
    appsDir: resolve(baseDir, e.APPS_DIR),
    sessionIdleMs: e.SESSION_IDLE_SECONDS * 1000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3600_000,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY ?? false,
    adminInitialPassword: e.ADMIN_INITIAL_PASSWORD,
    clockStart: e.CLOCK_START ? new Date(e.CLOCK_START) : undefined,
    lateCheckMs: e.FLAG_CHECK_SECONDS * 1000,
  };
}
