import { eq } from 'drizzle-orm';
import type { Actor } from '@clinicflow/domain';
import type { Db } from '../client';
import { commands } from '../schema';

/** A command already applied: who sent it and what they were answered; null when this commandId is new. */
export async function findCommand(
  db: Db,
  commandId: string,
): Promise<{ clinicId: string; type: string; actor: Actor; result: unknown } | null> {
  const [row] = await db
    .select({
      clinicId: commands.clinicId,
      type: commands.type,
      actor: commands.actor,
      result: commands.result,
    })
    .from(commands)
    .where(eq(commands.commandId, commandId));
  return row ?? null;
}

/** The stored result of a command already applied, or null when this commandId is new. */
export async function findCommandResult(db: Db, commandId: string): Promise<unknown | null> {
  return (await findCommand(db, commandId))?.result ?? null;
}

export async function recordCommand(
  db: Db,
  input: { commandId: string; clinicId: string; type: string; actor: Actor; result: unknown },
): Promise<void> {
  await db.insert(commands).values(input);
}
