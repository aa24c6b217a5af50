import { isDisplayVisible, mayRun, type Actor } from '@clinicflow/domain';
import {
  commandSchema,
  commandTypes,
  internalError,
  isCheckInResult,
  unavailable,
  validationFailure,
  type Command,
  type CommandResult,
  type CommandType,
} from '@clinicflow/contracts';
import { type Db, isDatabaseUnavailable, isTransientConflict, repo, type StoredEvent } from '@clinicflow/db';
import type { ServiceContext } from './context';
import type { DatabaseHealth } from './database-health';
import type { InternalEvent } from './event-bus';
import { RateLimiter } from './rate-limiter';
import { runHandler, type HandlerMap } from './handler';
import type { KioskScope } from './kiosk-scope';
import { SerialQueue } from './serial-queue';

export type CommandOutcome = {
  result: CommandResult;
  events: StoredEvent[];
  kioskVisit?: string | null;
  effects?: InternalEvent[];
};

const restarting = {
  ok: false,
  code: 'UNAVAILABLE',
  message: 'The server is restarting; nothing was changed. Try again in a moment.',
} as const;

/** A transaction that deadlocked or failed to serialize did nothing: run it again, a few times at most. */
const transientAttempts = 3;

/**
 * Validates, authorizes and applies commands. Each command's state change, its events and its stored result are
 * one transaction; the events are published only after it commits.
 */
export class CommandService {
  readonly #ctx: ServiceContext;
  readonly #queue = new SerialQueue();
  readonly #kiosk: KioskScope;
  readonly #health: DatabaseHealth;
  readonly #handlers: HandlerMap;
  // A kiosk registers a walk-in every few minutes at most; a script registering hundreds is refused.
  readonly #walkIns = new RateLimiter({ capacity: 6, perSecond: 1 / 60 });
  #publish: (events: StoredEvent[]) => void = () => {};
  #closing = false;

  constructor(input: {
    ctx: ServiceContext;
    kiosk: KioskScope;
    health: DatabaseHealth;
    handlers: HandlerMap;
  }) {
    const { ctx, kiosk, health } = input;
    this.#handlers = input.handlers;
    this.#ctx = ctx;
    this.#kiosk = kiosk;
    this.#health = health;
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
    try {
      // A retry is answered first, whoever sends it and whatever has changed since: the kiosk's lookup may have
      // expired, or the server restarted in between; a lost acknowledgement must not send the patient to the desk.
      const stored = await repo.commands.find(this.#ctx.db, command.commandId);
      if (stored) {
        if (stored.clinicId !== this.#ctx.clinicId || stored.type !== command.type) {
          return {
            ok: false,
            code: 'CONFLICT',
            message: 'This commandId was already used for another command.',
          };
        }
        // Our own column, written from a CommandResult below; JSON does not keep the type.
        const result = stored.result as CommandResult;
        if (kiosk) this.#rememberKioskVisit(kiosk, result);
        return result;
      }
      // A kiosk acts only on the patient in front of it: the visit its own lookup (or walk-in) found.
      if (
        kiosk &&
        'visitId' in command &&
        !this.#kiosk.mayCheckIn(kiosk, command.visitId, this.#ctx.clock.now())
      ) {
        return { ok: false, code: 'NOT_ALLOWED', message: 'Look up the appointment on this kiosk first.' };
      }
      if (
        kiosk &&
        command.type === 'RegisterWalkIn' &&
        !this.#walkIns.take(kiosk, this.#ctx.clock.now().getTime())
      ) {
        return {
          ok: false,
          code: 'RATE_LIMITED',
          message:
            'This kiosk has registered many walk-ins in the last few minutes; please see the front desk.',
        };
      }
      if (this.#closing) return restarting;
      const { result, effects } = await this.#queue.run(async () => {
        const outcome = await this.#applyWithRetry(command, actor, input.origin);
        const { events, kioskVisit } = outcome;
        if (events.length) this.#publish(events);
        if (kiosk && kioskVisit !== undefined) {
          if (kioskVisit) this.#kiosk.recordLookup(kiosk, kioskVisit, this.#ctx.clock.now());
          else this.#kiosk.forget(kiosk);
        }
        return outcome;
      });
      // Outside the queue: what listeners do (end sessions, list devices) does not hold up the next command.
      if (effects?.length) await this.#ctx.events.announce(effects);
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.#health.failed(error);
        return unavailable;
      }
      this.#ctx.logger.error(
        { err: error, commandId: command.commandId, type: command.type },
        'command failed',
      );
      return internalError;
    }
  }

  /** Graceful shutdown: refuses new commands (the client sends them again after it reconnects) and waits for
   * the ones already accepted. */
  drain(): Promise<void> {
    this.#closing = true;
    return this.#queue.drain();
  }

  /** A replayed check-in that left intake to do gives the kiosk back its patient (lost in a restart). */
  #rememberKioskVisit(kiosk: string, result: CommandResult): void {
    const checkIn = result.ok ? result.result : undefined;
    if (isCheckInResult(checkIn) && checkIn.intake) {
      this.#kiosk.recordLookup(kiosk, checkIn.visitId, this.#ctx.clock.now());
    }
  }

  async #applyWithRetry(command: Command, actor: Actor, origin: string | null): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#apply(command, actor, origin);
      } catch (error) {
        if (attempt >= transientAttempts || !isTransientConflict(error)) throw error;
      }
    }
  }

  async #apply(command: Command, actor: Actor, origin: string | null): Promise<CommandOutcome> {
    const { db, clinicId, clock } = this.#ctx;
    // execute() answered a stored result already; only a twin committed since then is left to catch.
    return db.transaction(async (txDb) => {
      const tx = txDb as Db;
      await repo.clinics.lock(tx, clinicId);
      // A twin of this command may have committed while we waited for the lock.
      const twin = await repo.commands.findResult(tx, command.commandId);
      if (twin) return { result: twin as CommandResult, events: [] };

      const now = clock.now();
      const outcome = await runHandler(this.#handlers, { tx, command, actor, clinicId, now, origin });
      let result: CommandResult;
      let events: StoredEvent[] = [];
      if (!outcome.ok) {
        result = outcome;
      } else {
        events = await repo.events.append(tx, {
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
        await repo.auditLog.append(tx, {
          clinicId,
          at: now,
          actor,
          action: command.type,
          entityType: outcome.entity.type,
          entityId: outcome.entity.id,
          origin,
          reason: outcome.auditReason ?? null,
        });
      }
      // Refusals are stored too: a retry of the same command gets the same answer.
      await repo.commands.record(tx, {
        commandId: command.commandId,
        clinicId,
        type: command.type,
        actor,
        result,
      });
      return {
        result,
        events,
        kioskVisit: outcome.ok ? outcome.kioskVisit : undefined,
        effects: outcome.ok ? outcome.effects : undefined,
      };
    });
  }
}
