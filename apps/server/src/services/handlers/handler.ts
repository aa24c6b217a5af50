import {
  projectFlowBoardForDisplay,
  refuse,
  waitingQueue,
  type Actor,
  type DomainEvent,
} from '@clinicflow/domain';
import type { Command, CommandFailure, CommandSuccess } from '@clinicflow/contracts';
import type { Db } from '@clinicflow/db';
import { readFlowBoard } from '../view.service';

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

export const stale = (current: unknown): CommandFailure => ({
  ...refuse('STALE_VERSION', 'Someone else changed this a moment ago; here is how it is now.'),
  current,
});

/** Minutes until a waiting visit is likely called, by the same estimate the wallboard shows. */
export async function estimatedWait(tx: Db, clinicId: string, visitId: string, now: Date): Promise<number> {
  const { board } = await readFlowBoard(tx, clinicId, now);
  return waitingQueue(projectFlowBoardForDisplay(board)).find((t) => t.id === visitId)?.estimatedMinutes ?? 0;
}
