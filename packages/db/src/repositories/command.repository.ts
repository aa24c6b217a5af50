import { eq } from 'drizzle-orm';
import type { Actor } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

/** A command already applied: who sent it and what they were answered; null when this commandId is new. */
async function findCommand(
  db: Db,
  commandId: string,
): Promise<{ clinicId: string; type: string; actor: Actor; result: unknown } | null> {
  const [row] = await db
    .select({
      clinicId: t.commands.clinicId,
      type: t.commands.type,
      actor: t.commands.actor,
      result: t.commands.result,
    })
    .from(t.commands)
    .where(eq(t.commands.commandId, commandId));
  return row ?? null;
}

/** The stored result of a command already applied, or null when this commandId is new. */
async function findCommandResult(db: Db, commandId: string): Promise<unknown | null> {
  return (await findCommand(db, commandId))?.result ?? null;
}

async function recordCommand(
  db: Db,
  input: { commandId: string; clinicId: string; type: string; actor: Actor; result: unknown },
): Promise<void> {
  await db.insert(t.commands).values(input);
}

export const commands = {
  find: findCommand,
  findResult: findCommandResult,
  record: recordCommand,
};
