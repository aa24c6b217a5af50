import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  projectForDisplay,
  type Actor,
  type Clinic,
  type DomainEvent,
  type EventEnvelope,
} from '@clinicflow/domain';
import {
  handshakeSchema,
  roomName,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SyncMessage,
  type View,
} from '@clinicflow/contracts';
import {
  appendAudit,
  latestSeqs,
  listEventsAfter,
  lockClinic,
  type Db,
  type StoredEvent,
} from '@clinicflow/db';
import { actorFor } from '../actors';
import type { CommandService } from '../services/command.service';
import type { ServiceContext } from '../services/context';
import { findAppointment } from '../services/kiosk.service';
import { loadDisplayBoard, loadFlowBoard } from '../services/view.service';

type SocketData = { view: View; actor: Actor; origin: string | null; initialSeq: number | null };
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const lastSeqSchema = z.int().nonnegative();

export type Realtime = {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  publish(events: StoredEvent[]): void;
  close(): Promise<void>;
};

export function createRealtime(input: {
  httpServer: HttpServer;
  ctx: ServiceContext;
  commands: () => CommandService;
  replayLimit: number;
  clinic: Clinic;
}): Realtime {
  const { ctx, replayLimit } = input;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    input.httpServer,
    {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
    },
  );
  // Projections need the clinic's privacy mode at send time.
  const clinic: Clinic = input.clinic;

  io.use((socket, next) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('Invalid handshake: send { view, lastSeq }'));
    const { view, lastSeq } = parsed.data;
    socket.data = {
      view,
      actor: actorFor(view),
      origin: socket.handshake.address ?? null,
      initialSeq: lastSeq,
    };
    next();
  });

  io.on('connection', (socket: AppSocket) => {
    const { view, actor, origin, initialSeq } = socket.data;
    // Join first, then sync: events published in between arrive before the sync and the client drops duplicates.
    if (view === 'flowBoard') void socket.join(roomName.console(ctx.clinicId));
    if (view === 'displayBoard') void socket.join(roomName.display(ctx.clinicId));
    if (view !== 'kiosk') void sync(socket, view, initialSeq);

    socket.on('command', async (command, ack) => {
      if (typeof ack !== 'function') return;
      ack(await input.commands().execute({ actor, command, origin }));
    });
    socket.on('findAppointment', async (query, ack) => {
      if (typeof ack !== 'function') return;
      if (view !== 'kiosk')
        return ack({ ok: false, code: 'VALIDATION', message: 'Only a kiosk looks up appointments.' });
      try {
        ack(await findAppointment(ctx, { query, actor, origin }));
      } catch (err) {
        ctx.logger.error({ err }, 'findAppointment failed');
        ack({ ok: false, code: 'INTERNAL', message: 'Something went wrong; please see the front desk.' });
      }
    });
    socket.on('resume', (lastSeq) => {
      const parsed = lastSeqSchema.safeParse(lastSeq);
      if (view !== 'kiosk') void sync(socket, view, parsed.success ? parsed.data : null);
    });
  });

  async function sync(
    socket: AppSocket,
    view: Exclude<View, 'kiosk'>,
    lastSeq: number | null,
  ): Promise<void> {
    try {
      socket.emit('sync', (await syncMessage(view, lastSeq, socket.data)) as SyncMessage<typeof view>);
    } catch (err) {
      ctx.logger.error({ err }, 'sync failed');
      socket.disconnect(true);
    }
  }

  /** Missed events when the client's gap is short and known; otherwise a fresh snapshot. */
  async function syncMessage(view: Exclude<View, 'kiosk'>, lastSeq: number | null, who: SocketData) {
    const serverTime = ctx.clock.now().toISOString();
    const display = view === 'displayBoard';
    if (lastSeq !== null) {
      const seqs = await latestSeqs(ctx.db, ctx.clinicId);
      const head = display ? seqs.lastDisplaySeq : seqs.lastSeq;
      if (lastSeq <= head) {
        const missed = await listEventsAfter(ctx.db, {
          clinicId: ctx.clinicId,
          afterSeq: lastSeq,
          displayOnly: display,
          limit: replayLimit + 1,
        });
        const first = missed[0];
        const continuous = !first || (display ? first.displayPrev === lastSeq : first.seq === lastSeq + 1);
        if (missed.length <= replayLimit && continuous) {
          const events = missed
            .map((e) => (display ? toDisplayEnvelope(e, clinic) : toConsoleEnvelope(e)))
            .filter((e) => e !== null);
          if (!display && events.length) await auditRead(who, 'ReplayFlowBoard');
          return { kind: 'replay' as const, events, seq: missed.at(-1)?.seq ?? lastSeq, serverTime };
        }
      }
    }
    if (display) {
      const { board, seq } = await loadDisplayBoard(ctx);
      return { kind: 'snapshot' as const, state: board, seq, serverTime };
    }
    const { board, seq } = await loadFlowBoard(ctx);
    await auditRead(who, 'ReadFlowBoard');
    return { kind: 'snapshot' as const, state: board, seq, serverTime };
  }

  /** Reading the flow board reads patient data: audit it. */
  async function auditRead(who: SocketData, action: string): Promise<void> {
    await ctx.db.transaction(async (tx) => {
      await lockClinic(tx as Db, ctx.clinicId);
      await appendAudit(tx as Db, {
        clinicId: ctx.clinicId,
        at: ctx.clock.now(),
        actor: who.actor,
        action,
        entityType: 'flow_board',
        entityId: null,
        origin: who.origin,
      });
    });
  }

  function publish(events: StoredEvent[]): void {
    for (const e of events) {
      io.to(roomName.console(ctx.clinicId)).emit('event', toConsoleEnvelope(e));
      const projected = toDisplayEnvelope(e, clinic);
      if (projected) io.to(roomName.display(ctx.clinicId)).emit('event', projected);
    }
  }

  return {
    io,
    publish,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

function toConsoleEnvelope(e: StoredEvent): EventEnvelope<DomainEvent> {
  // The console sees every event, so its previous event is always seq - 1.
  return { ...e.event, seq: e.seq, prev: e.seq - 1, at: e.at };
}

function toDisplayEnvelope(e: StoredEvent, clinic: Clinic) {
  if (e.displayPrev === null) return null;
  const projected = projectForDisplay(e.event, clinic.displayPrivacy);
  return projected ? { ...projected, seq: e.seq, prev: e.displayPrev, at: e.at } : null;
}
