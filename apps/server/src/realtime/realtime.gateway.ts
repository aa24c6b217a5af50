import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { clinicDay, maySee, type Clinic, type DisplayConfig, type DisplayPrivacy } from '@clinicflow/domain';
import {
  internalError,
  roomName,
  unavailable,
  type UntrustedClientEvents,
  type ServerToClientEvents,
  type SessionEndReason,
  type View,
} from '@clinicflow/contracts';
import { isDatabaseUnavailable, type StoredEvent } from '@clinicflow/db';
import type { AuthService } from '../modules/auth/auth.service';
import type { DeviceService } from '../modules/devices/device.service';
import type { KioskLookups } from '../modules/intake/kiosk-lookups';
import type { StaffService } from '../modules/staff/staff.service';
import type { CommandService } from '../platform/command-bus';
import type { ServiceContext } from '../platform/context';
import type { DatabaseHealth } from '../platform/database-health';
import { monotonicMs } from '../platform/clock';
import { RateLimiter } from '../platform/rate-limiter';
import { authenticateSockets, originAllowed } from './handshake';
import { syncMessage } from './replay';
import { liveViews } from './views';
import type { LiveView, Watcher } from './views/live-view';

type SocketData = Watcher;
type AppServer = Server<UntrustedClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<UntrustedClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const lastSeqSchema = z.int().nonnegative();
export type Realtime = {
  io: AppServer;
  publish(events: StoredEvent[]): void;
  close(): Promise<void>;
};

export function createRealtime(input: {
  httpServer: HttpServer;
  ctx: ServiceContext;
  clinic: Clinic;
  commands: CommandService;
  auth: AuthService;
  devices: DeviceService;
  staff: StaffService;
  lookups: KioskLookups;
  health: DatabaseHealth;
  replayLimit: number;
  sessionSweepMs: number;
  publicOrigin: string | undefined;
}): Realtime {
  const { ctx, replayLimit, auth, devices, lookups, health } = input;
  // What the clinic allows public screens to show; kept current as the setting changes.
  // NOTE: per process; many nodes need it from the database or the event feed (the scale issue).
  let clinicPrivacy: DisplayPrivacy = input.clinic.displayPrivacy;
  const views = liveViews({ ctx, clinicPrivacy: () => clinicPrivacy });
  const io: AppServer = new Server(input.httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A browser page from another site may not open a socket here (cross-site WebSocket hijacking).
    allowRequest: (req, callback) => callback(null, originAllowed(req, input.publicOrigin)),
  });
  // 200 messages at once, 50 a second after that: far above a person, a screen, or the day simulator at 1000×.
  // Past it a message is refused, not the connection: a script that hurries is slowed, its screen stays live.
  const limiter = new RateLimiter({ capacity: 200, perSecond: 50 });
  // Only a socket that keeps sending while refused (hundreds a second) is a flood, and is dropped.
  const floodLimiter = new RateLimiter({ capacity: 500, perSecond: 50 });

  io.use(
    authenticateSockets({
      ctx,
      auth,
      devices,
      health,
      permissionOf: (view) => (view === 'kiosk' ? 'kiosk' : views[view].permission),
    }),
  );

  // Every screen hears when the database goes and comes back: "not live" while it is gone, then a resume.
  const unsubscribeHealth = health.onChange((status) => io.emit('databaseStatus', status));

  io.on('connection', (socket: AppSocket) => {
    const { view, actor, origin, initialSeq, sessionId } = socket.data;
    const deviceId = actor.kind === 'device' ? actor.id : null;
    if (sessionId) void socket.join(roomName.session(sessionId));
    if (actor.kind === 'staff') void socket.join(roomName.staff(actor.id));
    if (maySee(actor, 'devices')) void socket.join(roomName.admins(ctx.clinicId));
    if (deviceId) {
      void socket.join(roomName.device(deviceId));
      const presence = (change: 1 | -1) =>
        devices
          .presence(deviceId, change)
          // At shutdown the database may already be closed; presence is not worth failing over.
          .catch((err: unknown) => ctx.logger.warn({ err }, 'device presence not recorded'));
      void presence(1);
      socket.on('disconnect', () => void presence(-1));
    }
    // Join first, then sync: events published in between arrive before the sync and the client drops duplicates.
    if (view !== 'kiosk') {
      void socket.join(views[view].roomOf(socket.data));
      void sync(socket, view, initialSeq);
    }
    if (view === 'displayBoard' && deviceId) {
      void devices.get(deviceId).then((d) => d?.config && socket.emit('displayConfig', d.config));
    }

    /**
     * Every inbound message: not too many ('slow': refused, answer so), and the session behind it still valid,
     * which counts as activity ('closed': the socket is gone).
     */
    const admit = async (): Promise<'ok' | 'slow' | 'closed'> => {
      const now = monotonicMs();
      if (!limiter.take(socket.id, now)) {
        if (floodLimiter.take(socket.id, now)) return 'slow';
        ctx.logger.warn({ actor, origin }, 'socket flooded; disconnecting');
        socket.disconnect(true);
        return 'closed';
      }
      if (!sessionId) return 'ok';
      const result = await auth.recheck(sessionId, { touch: true });
      if ('actor' in result) return 'ok';
      endSessions([sessionId], result.ended === 'unknown' ? 'signed_out' : result.ended);
      return 'closed';
    };

    /** A message with an acknowledgement: admitted first, and every failure answered, never thrown. */
    const withAck =
      <R>(run: (payload: unknown) => Promise<R>) =>
      async (payload: unknown, untrustedAck: unknown): Promise<void> => {
        // A client that sends no callback gets nothing done: there would be no one to tell.
        if (typeof untrustedAck !== 'function') return;
        const ack = (answer: R | typeof slowDown | typeof unavailable | typeof internalError) =>
          void untrustedAck(answer);
        try {
          const admitted = await admit();
          if (admitted === 'slow') ack(slowDown);
          if (admitted !== 'ok') return;
          ack(await run(payload));
        } catch (err) {
          if (isDatabaseUnavailable(err)) {
            health.failed(err);
            ack(unavailable);
            return;
          }
          ctx.logger.error({ err }, 'socket message failed');
          ack(internalError);
        }
      };

    socket.on(
      'command',
      withAck((command) => input.commands.execute({ actor, command, origin })),
    );
    socket.on(
      'findAppointment',
      withAck((query) => lookups.find({ query, actor, origin })),
    );
    socket.on('resume', async (lastSeq) => {
      try {
        if ((await admit()) !== 'ok' || view === 'kiosk') return;
      } catch (err) {
        // The session could not be re-checked; the next databaseStatus 'up' brings the client back.
        if (isDatabaseUnavailable(err)) health.failed(err);
        else ctx.logger.error({ err }, 'resume failed');
        return;
      }
      const parsed = lastSeqSchema.safeParse(lastSeq);
      void sync(socket, view, parsed.success ? parsed.data : null);
    });
    socket.on('disconnect', () => {
      limiter.forget(socket.id);
      floodLimiter.forget(socket.id);
    });
  });

  // At the clinic's midnight the day's board starts afresh: every open screen gets the new day's snapshot.
  let today = clinicDay(ctx.clock.now(), input.clinic.timezone);
  const dayWatch = setInterval(() => {
    const day = clinicDay(ctx.clock.now(), input.clinic.timezone);
    if (day === today) return;
    today = day;
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.view !== 'kiosk') void sync(socket, socket.data.view, null);
    }
  }, 1000);
  dayWatch.unref();

  // Sessions end by time too: idle or past their absolute limit. Re-check the connected ones periodically.
  const sweep = setInterval(() => void sweepSessions(), input.sessionSweepMs);
  sweep.unref();
  async function sweepSessions(): Promise<void> {
    const ids = new Set<string>();
    for (const socket of await io.fetchSockets()) if (socket.data.sessionId) ids.add(socket.data.sessionId);
    for (const id of ids) {
      const result = await auth.recheck(id, { touch: false }).catch(() => null);
      if (result && !('actor' in result))
        endSessions([id], result.ended === 'unknown' ? 'signed_out' : result.ended);
    }
  }

  // What other services announce that open screens must see.
  const listening = [
    ctx.events.on('sessionsEnded', ({ sessionIds, reason }) => endSessions(sessionIds, reason)),
    ctx.events.on('deviceRevoked', ({ deviceId }) => disconnectDevice(deviceId)),
    ctx.events.on('devicesChanged', () => devicesChanged()),
    ctx.events.on('displayConfigChanged', ({ deviceId, config }) => displayConfigChanged(deviceId, config)),
    ctx.events.on('staffChanged', () => staffChanged()),
  ];

  function endSessions(sessionIds: string[], reason: SessionEndReason): void {
    for (const id of sessionIds) {
      io.to(roomName.session(id)).emit('sessionEnded', reason);
      io.in(roomName.session(id)).disconnectSockets(true);
    }
  }

  function disconnectDevice(deviceId: string): void {
    io.to(roomName.device(deviceId)).emit('deviceRevoked');
    io.in(roomName.device(deviceId)).disconnectSockets(true);
  }

  async function devicesChanged(): Promise<void> {
    io.to(roomName.admins(ctx.clinicId)).emit('devicesChanged', await devices.list());
  }

  async function staffChanged(): Promise<void> {
    io.to(roomName.admins(ctx.clinicId)).emit('staffChanged', await input.staff.list());
  }

  async function sync(
    socket: AppSocket,
    view: Exclude<View, 'kiosk'>,
    lastSeq: number | null,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const live = views[view] as LiveView<typeof view>;
        socket.emit('sync', await syncMessage({ ctx, view: live, who: socket.data, lastSeq, replayLimit }));
        return;
      } catch (err) {
        // Just after the database is back the pool may still hand out a connection it lost: try once more.
        if (attempt === 1 && isDatabaseUnavailable(err)) {
          await new Promise((r) => setTimeout(r, 250));
          continue;
        }
        if (isDatabaseUnavailable(err)) health.failed(err);
        else ctx.logger.error({ err }, 'sync failed');
        // The client reconnects after a pause and the handshake decides again.
        socket.disconnect(true);
        return;
      }
    }
  }

  function publish(events: StoredEvent[]): void {
    let regroup = false;
    for (const e of events) {
      if (e.event.type === 'DisplaySettingsChanged' && e.event.payload.displayPrivacy !== clinicPrivacy) {
        clinicPrivacy = e.event.payload.displayPrivacy;
        regroup = true;
      }
      for (const live of Object.values(views)) {
        for (const { room, envelope } of live.rooms()) {
          const projected = envelope(e);
          if (projected) io.to(room).emit('event', projected);
        }
      }
    }
    // A privacy change relabels every ticket: displays get a fresh snapshot in their new group.
    if (regroup) void regroupDisplays();
  }

  /** Moves each display socket (or one device's) to the group its privacy now allows, with a fresh snapshot. */
  async function regroupDisplays(deviceId?: string): Promise<void> {
    const targets = await (deviceId ? io.in(roomName.device(deviceId)) : io).fetchSockets();
    for (const remote of targets) {
      if (remote.data.view !== 'displayBoard') continue;
      for (const { room } of views.displayBoard.rooms()) remote.leave(room);
      remote.join(views.displayBoard.roomOf(remote.data));
      // NOTE: only this node's sockets get the fresh snapshot; with many nodes each must regroup its own (scale issue).
      const local = io.sockets.sockets.get(remote.id);
      if (local) void sync(local, 'displayBoard', null);
    }
  }

  /** An admin changed a display's settings: apply them live on that screen. */
  async function displayConfigChanged(deviceId: string, config: DisplayConfig): Promise<void> {
    for (const remote of await io.in(roomName.device(deviceId)).fetchSockets()) {
      // NOTE: this node's sockets only, as above.
      const local = io.sockets.sockets.get(remote.id);
      if (local) local.data.privacyChoice = config.privacy;
    }
    io.to(roomName.device(deviceId)).emit('displayConfig', config);
    await regroupDisplays(deviceId);
  }

  return {
    io,
    publish,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        clearInterval(dayWatch);
        unsubscribeHealth();
        for (const unsubscribe of listening) unsubscribe();
        void io.close(() => resolve());
      }),
  };
}

const slowDown = {
  ok: false,
  code: 'RATE_LIMITED',
  message: 'Too many requests at once; wait a moment and try again.',
} as const;
