import { refuse, type Actor, type DomainEvent } from '@clinicflow/domain';
import type { CommandFailure, CommandOf, CommandType, ResultOf } from '@clinicflow/contracts';
import type { Db } from '@clinicflow/db';
import type { InternalEvent } from './event-bus';

type Applied<R> = {
  ok: true;
  events: DomainEvent[];
  entity: { type: string; id: string };
  /** Why, for the audit row (who is recorded anyway): an admin's reason for overbooking. */
  auditReason?: string;
  /** The visit a kiosk is now working on (a walk-in it registered), or null when the kiosk is done with it. */
  kioskVisit?: string | null;
  /** What other parts of the server hear after the commit (sessions to end, admins' lists to refresh). */
  effects?: InternalEvent[];
} & (undefined extends R ? { result?: undefined } : { result: R });

/** What a handler decides: a refusal, or the events to append, the command's result and what to audit. */
export type Outcome<T extends CommandType = CommandType> = T extends CommandType
  ? CommandFailure | Applied<ResultOf<T>>
  : never;

/** One command's context: its transaction, the validated command, who sent it, when. */
export type HandlerInput<T extends CommandType = CommandType> = {
  tx: Db;
  command: CommandOf<T>;
  actor: Actor;
  clinicId: string;
  now: Date;
  /** Where the command came from (the caller's address), for what the audit records after it. */
  origin: string | null;
};

export type Handler<T extends CommandType> = (input: HandlerInput<T>) => Promise<Outcome<T>>;

/** Which handler applies each command; each module contributes its rows. */
// Spelled out, not Handler<T>: one handler may serve several commands, and TypeScript's shortcut for aliases
// would compare their names instead of their shapes.
export type HandlerMap = { [T in CommandType]: (input: HandlerInput<T>) => Promise<Outcome<T>> };

export const stale = (current: unknown): CommandFailure => ({
  ...refuse('STALE_VERSION', 'Someone else changed this a moment ago; here is how it is now.'),
  current,
});

/** Runs the command's own handler. */
export function runHandler(handlers: HandlerMap, input: HandlerInput): Promise<Outcome> {
  // The one cast: TypeScript cannot pair a union member's command with the handler for its own type.
  const handler = handlers[input.command.type] as (input: HandlerInput) => Promise<Outcome>;
  return handler(input);
}
