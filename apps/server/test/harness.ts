import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { Clinic } from '@clinicflow/domain';
import type { ClientToServerEvents, ServerToClientEvents, View } from '@clinicflow/contracts';
import type { DatabaseHandle } from '@clinicflow/db';
import { openTestDatabase, type TestBackend } from '@clinicflow/db/testing';
import { startApp, type App } from '../src/app';
import { ensureClinic, ensureDemoDay } from '../src/services/seed.service';

export type TestClock = { now(): Date; set(iso: string): void; advance(minutes: number): void };

export function testClock(iso: string): TestClock {
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
  close(): Promise<void>;
};

/** The real server on port 0 over a fresh database of the given kind, seeded with the demo clinic's day. */
export async function startTestServer(
  backend: TestBackend,
  options: { replayLimit?: number } = {},
): Promise<TestServer> {
  // 09:00 in New York: the demo day is booked and nobody has arrived yet.
  const clock = testClock('2026-11-30T14:00:00Z');
  const database = await openTestDatabase(backend);
  const clinic = await ensureClinic(database.db, {
    now: clock.now(),
    name: 'Riverside Family Practice',
    timezone: 'America/New_York',
    demo: true,
  });
  await ensureDemoDay(database.db, { clinic, now: clock.now() });
  const app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      appsDir: '/nonexistent',
      demo: true,
      replayLimit: options.replayLimit ?? 500,
      env: 'test',
    },
    database,
    clinic,
    clock,
    logger: pino({ level: 'silent' }),
  });
  return {
    app,
    database,
    clinic,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, connected, that records everything it receives. */
export async function openSocket(url: string, auth: { view: View; lastSeq?: number | null }) {
  const socket: TestSocket = connect(url, {
    auth: { lastSeq: null, ...auth },
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

export async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
