import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { Clinic, DeviceType } from '@clinicflow/domain';
import type {
  CommandResult,
  FindAppointmentResult,
  ServerToClientEvents,
  SyncMessage,
  View,
  ViewState,
} from '@clinicflow/contracts';
import type { DatabaseHandle } from '@clinicflow/db';
import { openTestDatabase, type TestBackend } from '@clinicflow/db/testing';
import { startApp, type App } from '../src/app';
import { ensureClinic, ensureDemoDay } from '../src/seed/seed.service';

/** A signature a patient might draw: long enough, inside the pad. */
export const testSignature = {
  width: 600,
  height: 200,
  strokes: [
    Array.from({ length: 30 }, (_, k) => ({ x: 20 + k * 18, y: 100 + Math.sin(k / 2) * 50, t: k * 20 })),
  ],
};

export type TestClock = { now(): Date; set(iso: string): void; advance(minutes: number): void };

function testClock(iso: string): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s) => void (t = new Date(s).getTime()),
    advance: (m) => void (t += m * 60_000),
  };
}

export type TestServer = {
  app: App;
  database: DatabaseHandle;
  clinic: Clinic;
  clock: TestClock;
  /** Stops the server and starts a new one on the same database and port: everything in memory is gone. */
  restart(): Promise<void>;
  close(): Promise<void>;
};

/** The real server on port 0 over a fresh database of the given kind, seeded with the demo clinic's day. */
export async function startTestServer(
  backend: TestBackend,
  options: {
    replayLimit?: number;
    sessionIdleMs?: number;
    sessionSweepMs?: number;
    lateCheckMs?: number;
    intake?: boolean;
    trustProxy?: string;
  } = {},
): Promise<TestServer> {
  // 09:00 in New York: the demo day is booked and nobody has arrived yet.
  const clock = testClock('2026-11-30T14:00:00Z');
  const database = await openTestDatabase(backend);
  const { clinic } = await ensureClinic(database.db, {
    now: clock.now(),
    name: 'Riverside Family Practice',
    timezone: 'America/New_York',
    demo: true,
    adminPassword: 'not-used-in-demo-mode',
    demoIntake: options.intake ?? false,
  });
  await ensureDemoDay(database.db, { clinic, now: clock.now() });
  const start = (port: number) =>
    startApp({
      config: {
        port,
        host: '127.0.0.1',
        appsDir: '/nonexistent',
        demo: true,
        replayLimit: options.replayLimit ?? 500,
        env: 'test',
        sessionIdleMs: options.sessionIdleMs ?? 15 * 60_000,
        sessionMaxMs: 12 * 3600_000,
        sessionSweepMs: options.sessionSweepMs,
        // Off unless a test asks: the clock tests move would otherwise flag the whole demo day.
        lateCheckMs: options.lateCheckMs ?? 24 * 3600_000,
        publicOrigin: undefined,
        trustProxy: options.trustProxy ?? false,
      },
      database,
      clinic,
      clock,
      logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    });
  const server: TestServer = {
    app: await start(0),
    database,
    clinic,
    clock,
    restart: async () => {
      const port = server.app.port;
      await server.app.close();
      server.app = await start(port);
    },
    close: async () => {
      await server.app.close();
      await database.close();
    },
  };
  return server;
}

/** A test client may send whatever any client could, well formed or not: the server trusts none of it. */
type AnyClientEvents = {
  command: (command: unknown, ack: (result: CommandResult) => void) => void;
  findAppointment: (query: unknown, ack: (result: FindAppointmentResult) => void) => void;
  resume: (lastSeq: unknown) => void;
};
export type TestSocket = Socket<ServerToClientEvents, AnyClientEvents>;

/** Credentials a test client presents: a staff session cookie or a device token. */
export type Credentials = { cookie?: string; deviceToken?: string };

/** A real socket.io client, connected, that records everything it receives. */
export async function openSocket(url: string, auth: { view: View; lastSeq?: number | null } & Credentials) {
  const { cookie, deviceToken, ...handshake } = auth;
  const socket: TestSocket = connect(url, {
    auth: { lastSeq: null, ...handshake, ...(deviceToken ? { deviceToken } : {}) },
    extraHeaders: cookie ? { cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const received: { name: 'sync' | 'event'; data: unknown; raw: string }[] = [];
  socket.on('sync', (data) => received.push({ name: 'sync', data, raw: JSON.stringify(data) }));
  socket.on('event', (data) => received.push({ name: 'event', data, raw: JSON.stringify(data) }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, received };
}

/** What a screen gets on connecting without a last seq: its view's snapshot (console or display). */
export async function snapshotOf<V extends 'flowBoard' | 'displayBoard'>(
  server: Reachable,
  auth: { view: V } & Credentials,
): Promise<ViewState[V]> {
  const { socket, received } = await openSocket(server.app.url, auth);
  // Events published while the socket joined arrive before its sync: wait for the sync itself.
  const sync = () => received.find((m) => m.name === 'sync');
  await until(() => sync() !== undefined, `${auth.view} snapshot`);
  socket.disconnect();
  return (sync()!.data as Extract<SyncMessage<V>, { kind: 'snapshot' }>).state;
}

export async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Anything with the server's URL: an in-process test server or a child process. */
export type Reachable = { app: Pick<App, 'url'> };

/** An HTTP call the way the console makes it: same-origin, JSON, with the session cookie if any. */
export async function api(
  server: Reachable,
  method: string,
  path: string,
  options: {
    body?: unknown;
    cookie?: string;
    deviceToken?: string;
    origin?: string | null;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.deviceToken) headers.authorization = `Device ${options.deviceToken}`;
  const origin = options.origin === undefined ? server.app.url : options.origin;
  if (origin) headers.origin = origin;
  const response = await fetch(`${server.app.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    setCookie: response.headers.get('set-cookie'),
  };
}

export const demoPassword = 'clinicflow-demo';

/** Signs a demo staff member in; returns the cookie header to send. */
export async function signIn(server: Reachable, username: string, password = demoPassword): Promise<string> {
  const res = await api(server, 'POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200 || !res.setCookie)
    throw new Error(`sign-in as ${username} failed: ${JSON.stringify(res.body)}`);
  return res.setCookie.split(';')[0]!;
}

/** Pairs a new device of the given type the way an admin would; returns its token. */
export async function pairDevice(
  server: Reachable,
  adminCookie: string,
  type: DeviceType,
  name = `${type} test`,
): Promise<string> {
  const request = (await api(server, 'POST', '/api/devices/pairing')).body as { code: string; token: string };
  const paired = await api(server, 'POST', '/api/devices', {
    cookie: adminCookie,
    body: { code: request.code, name, type, location: 'Lobby' },
  });
  if (paired.status !== 201) throw new Error(`pairing failed: ${JSON.stringify(paired.body)}`);
  return request.token;
}
