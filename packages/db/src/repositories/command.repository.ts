import { eq } from 'drizzle-orm';
import type { Actor } from '@clinicflow/domain';
import type { Db } from '../client';
import { commands } from '../schema';

/** The stored result of a command already applied, or null when this commandId is new. */
export async function findCommandResult(db: Db, commandId: string): Promise<unknown | null> {
  const [row] = await db
    .select({ result: commands.result })
    .from(commands)
    .where(eq(commands.commandId, commandId));
  return row ? row.result : null;
}

export async function recordCommand(
  db: Db,
  input: { commandId: string; clinicId: string; type: string; actor: Actor; result: unknown },
): Promise<void> {
  await db.insert(commands).values(input);
}
