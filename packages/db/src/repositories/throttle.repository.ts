import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { loginThrottle } from '../schema';

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export async function getThrottle(db: Db, key: string): Promise<ThrottleState | null> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row ?? null;
}

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ key, ...state })
    .onConflictDoUpdate({ target: loginThrottle.key, set: state });
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
