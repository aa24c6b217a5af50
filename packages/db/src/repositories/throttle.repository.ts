import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

async function getThrottle(db: Db, key: string): Promise<ThrottleState | null> {
  const [row] = await db.select().from(t.loginThrottle).where(eq(t.loginThrottle.key, key));
  return row ?? null;
}

async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db
    .insert(t.loginThrottle)
    .values({ key, ...state })
    .onConflictDoUpdate({ target: t.loginThrottle.key, set: state });
}

async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(t.loginThrottle).where(eq(t.loginThrottle.key, key));
}

export const loginThrottle = {
  get: getThrottle,
  save: saveThrottle,
  clear: clearThrottle,
};
