import {
  changeRoomStatus,
  formatTicket,
  isDisplayVisible,
  mayRun,
  projectFlowBoardForDisplay,
  refuse,
  transitionVisit,
  waitingQueue,
  type Actor,
  type DomainEvent,
  type Refusal,
  type Visit,
} from '@clinicflow/domain';
import {
  commandSchema,
  commandTypes,
  roomCommandActions,
  validationFailure,
  visitCommandActions,
  type CheckInResult,
  type Command,
  type CommandResult,
  type CommandType,
} from '@clinicflow/contracts';
import {
  appendAudit,
  appendEvents,
  assignTicket,
  findCommandResult,
  getRoom,
  getVisit,
  lastTicketNumber,
  lockClinic,
  recordCommand,
  saveRoom,
  saveVisit,
  type Db,
  type StoredEvent,
} from '@clinicflow/db';
import type { ServiceContext } from './context';
import type { KioskScope } from './kiosk-scope';
import { SerialQueue } from './serial-queue';
import { readFlowBoard } from './view.service';

type Outcome =
  Refusal | { ok: true; events: DomainEvent[]; result?: CheckInResult; entity: { type: string; id: string } };

export type CommandOutcome = { result: CommandResult; events: StoredEvent[] };

/**
 * Validates, authorizes and applies commands. Each command's state change, its events and its stored result are
 * one transaction; the caller publishes the events only after it commits.
 */
export class CommandService {
  readonly #ctx: ServiceContext;
  readonly #queue = new SerialQueue();
  readonly #kiosk: KioskScope;
  #publish: (events: StoredEvent[]) => void = () => {};

  constructor(ctx: ServiceContext, kiosk: KioskScope) {
    this.#ctx = ctx;
    this.#kiosk = kiosk;
  }

  /** Where committed events go (the realtime gateway, which is built after this service). */
  onCommitted(publish: (events: StoredEvent[]) => void): void {
    this.#publish = publish;
  }

  async execute(input: { actor: Actor; command: unknown; origin: string | null }): Promise<CommandResult> {
    const { actor } = input;
    // Permission first: a caller who may not run a command learns nothing from its validation errors.
    const type = (input.command as { type?: unknown } | null)?.type;
    if ((commandTypes as unknown[]).includes(type) && !mayRun(actor, type as CommandType)) {
      return { ok: false, code: 'NOT_ALLOWED', message: 'You are not allowed to do this.' };
    }
    const parsed = commandSchema.safeParse(input.command);
    if (!parsed.success) return validationFailure(parsed.error);
    const command = parsed.data;
    const kiosk = actor.kind === 'device' && actor.type === 'kiosk' ? actor.id : null;
    if (
      kiosk &&
      'visitId' in command &&
      !this.#kiosk.mayCheckIn(kiosk, command.visitId, this.#ctx.clock.now())
    ) {
      return { ok: false, code: 'NOT_ALLOWED', message: 'Look up the appointment on this kiosk first.' };
    }
    try {
      return await this.#queue.run(async () => {
        const { result, events } = await this.#apply(command, actor, input.origin);
        if (events.length) this.#publish(events);
        if (kiosk && result.ok) this.#kiosk.forget(kiosk);
        return result;
      });
    } catch (error) {
      this.#ctx.logger.error(
        { err: error, commandId: command.commandId, type: command.type },
        'command failed',
      );
      return {
        ok: false,
        code: 'INTERNAL',
        message: 'Something went wrong on the server; nothing was changed.',
      };
    }
  }

  /** Waits for the commands already accepted (graceful shutdown). */
  drain(): Promise<void> {
    return this.#queue.drain();
  }

  async #apply(command: Command, actor: Actor, origin: string | null): Promise<CommandOutcome> {
    const { db, clinicId, clock } = this.#ctx;
    const stored = await findCommandResult(db, command.commandId);
    if (stored) return { result: stored as CommandResult, events: [] };

    return db.transaction(async (txDb) => {
      const tx = txDb as Db;
      await lockClinic(tx, clinicId);
      // A twin of this command may have committed while we waited for the lock.
      const twin = await findCommandResult(tx, command.commandId);
      if (twin) return { result: twin as CommandResult, events: [] };

      const now = clock.now();
      const outcome = await handle(tx, { command, actor, clinicId, now });
      let result: CommandResult;
      let events: StoredEvent[] = [];
      if (!outcome.ok) {
        result =
          outcome.code === 'STALE_VERSION'
            ? outcome
            : { ok: false, code: outcome.code, message: outcome.message };
      } else {
        events = await appendEvents(tx, {
          clinicId,
          at: now,
          commandId: command.commandId,
          events: outcome.events.map((event) => ({ event, displayVisible: isDisplayVisible(event) })),
        });
        result = {
          ok: true,
          seq: events.at(-1)?.seq ?? 0,
          ...(outcome.result ? { result: outcome.result } : {}),
        };
        await appendAudit(tx, {
          clinicId,
          at: now,
          actor,
          action: command.type,
          entityType: outcome.entity.type,
          entityId: outcome.entity.id,
          origin,
        });
      }
      // Refusals are stored too: a retry of the same command gets the same answer.
      await recordCommand(tx, { commandId: command.commandId, clinicId, type: command.type, actor, result });
      return { result, events };
    });
  }
}

type Input<C extends Command = Command> = { command: C; actor: Actor; clinicId: string; now: Date };

const stale = (current: unknown): Refusal & { current: unknown } => ({
  ...refuse('STALE_VERSION', 'Someone else changed this a moment ago; here is how it is now.'),
  current,
});

async function handle(tx: Db, input: Input): Promise<Outcome> {
  const { command } = input;
  if (command.type === 'CheckInPatient') return checkIn(tx, { ...input, command });
  if ('roomId' in command && !('visitId' in command)) return changeRoom(tx, { ...input, command });
  return changeVisit(tx, {
    ...input,
    command: command as Extract<Command, { visitId: string; version: number }>,
  });
}

/** Kiosk or desk check-in: the visit arrives, gets the day's next ticket, and joins the queue. */
async function checkIn(
  tx: Db,
  { command, actor, clinicId, now }: Input<Extract<Command, { type: 'CheckInPatient' }>>,
): Promise<Outcome> {
  const visit = await getVisit(tx, clinicId, command.visitId);
  if (!visit) return refuse('NOT_FOUND', 'We could not find this appointment.');
  if (visit.status !== 'booked') return refuse('ILLEGAL_TRANSITION', checkInRefusal(visit.status));
  const arrived = transitionVisit({ visit, action: 'checkIn', actor, now });
  if (!arrived.ok) return arrived;
  const number = (await lastTicketNumber(tx, clinicId, visit.day)) + 1;
  const ticketed: Visit = { ...arrived.value.visit, ticketCode: formatTicket(number) };
  const queued = transitionVisit({ visit: ticketed, action: 'queue', actor, now });
  if (!queued.ok) return queued;
  await assignTicket(tx, { visitId: visit.id, number, code: ticketed.ticketCode! });
  if (!(await saveVisit(tx, queued.value.visit, visit.version)))
    return stale(await getVisit(tx, clinicId, visit.id));

  const { board } = await readFlowBoard(tx, clinicId, now);
  const position = waitingQueue(projectFlowBoardForDisplay(board)).find((t) => t.id === visit.id);
  return {
    ok: true,
    events: [
      { type: 'VisitCheckedIn', payload: { visit: ticketed } },
      { type: 'VisitStatusChanged', payload: { visit: queued.value.visit, from: ticketed.status } },
    ],
    result: { ticketCode: ticketed.ticketCode!, estimatedMinutes: position?.estimatedMinutes ?? 0 },
    entity: { type: 'visit', id: visit.id },
  };
}

/** What a patient who cannot check in is told: where they stand, in plain words. */
function checkInRefusal(status: Visit['status']): string {
  if (status === 'checked_out') return 'Your visit today is finished.';
  if (status === 'no_show' || status === 'cancelled' || status === 'left_without_being_seen') {
    return 'Please see the front desk about this appointment.';
  }
  return 'You are already checked in.';
}

async function changeVisit(
  tx: Db,
  { command, actor, clinicId, now }: Input<Extract<Command, { visitId: string; version: number }>>,
): Promise<Outcome> {
  const visit = await getVisit(tx, clinicId, command.visitId);
  if (!visit) return refuse('NOT_FOUND', 'This visit no longer exists.');
  if (visit.version !== command.version) return stale(visit);
  const roomId = command.type === 'CallPatient' ? command.roomId : visit.roomId;
  const room = roomId ? await getRoom(tx, clinicId, roomId) : null;
  if (roomId && !room) return refuse('NOT_FOUND', 'That room does not exist.');
  const action = command.type === 'CallPatient' ? 'call' : visitCommandActions[command.type];
  const next = transitionVisit({ visit, action, actor, now, room });
  if (!next.ok) return next;
  await saveVisit(tx, next.value.visit, visit.version);
  const events: DomainEvent[] = [
    { type: 'VisitStatusChanged', payload: { visit: next.value.visit, from: visit.status } },
  ];
  if (next.value.room && room) {
    await saveRoom(tx, next.value.room, room.version);
    events.push({ type: 'RoomStatusChanged', payload: { room: next.value.room, from: room.status } });
  }
  return { ok: true, events, entity: { type: 'visit', id: visit.id } };
}

async function changeRoom(
  tx: Db,
  { command, actor, clinicId, now }: Input<Extract<Command, { type: keyof typeof roomCommandActions }>>,
): Promise<Outcome> {
  const room = await getRoom(tx, clinicId, command.roomId);
  if (!room) return refuse('NOT_FOUND', 'That room does not exist.');
  if (room.version !== command.version) return stale(room);
  const next = changeRoomStatus({ room, action: roomCommandActions[command.type], actor, now });
  if (!next.ok) return next;
  await saveRoom(tx, next.value, room.version);
  return {
    ok: true,
    events: [{ type: 'RoomStatusChanged', payload: { room: next.value, from: room.status } }],
    entity: { type: 'room', id: room.id },
  };
}
