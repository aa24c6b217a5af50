import { refuse, type Actor, type DomainEvent } from '@clinicflow/domain';
import type { Command, CommandFailure, CommandSuccess, CommandType } from '@clinicflow/contracts';
import type { Db } from '@clinicflow/db';

/** What a handler decides: a refusal, or the events to append, the result to return and what to audit. */
export type Outcome =
  | CommandFailure
  | {
      ok: true;
      events: DomainEvent[];
      result?: CommandSuccess['result'];
      entity: { type: string; id: string };
      /** The visit a kiosk is now working on (a walk-in it registered), or null when the kiosk is done with it. */
      kioskVisit?: string | null;
    };

/** One command's context: its transaction, the validated command, who sent it, when. */
export type HandlerInput<C extends Command = Command> = {
  tx: Db;
  command: C;
  actor: Actor;
  clinicId: string;
  now: Date;
};

export type Handler<C extends Command = Command> = (input: HandlerInput<C>) => Promise<Outcome>;

/** Which handler applies each command; each module contributes its rows. */
export type HandlerMap = { [T in CommandType]: Handler<Extract<Command, { type: T }>> };

export const stale = (current: unknown): CommandFailure => ({
  ...refuse('STALE_VERSION', 'Someone else changed this a moment ago; here is how it is now.'),
  current,
});
