import { and, asc, eq, gt, isNotNull, min, sql } from 'drizzle-orm';
import type { DomainEvent } from '@clinicflow/domain';
import type { Db } from '../client';
import { clinics, events } from '../schema';

export type StoredEvent = {
  seq: number;
  at: string;
  /** Previous display-visible seq, or null when displays may not see this event. */
  displayPrev: number | null;
  event: DomainEvent;
};

const toStored = (row: typeof events.$inferSelect): StoredEvent => ({
  seq: row.seq,
  at: row.at.toISOString(),
  displayPrev: row.displayPrev,
  event: { type: row.type, payload: row.payload } as DomainEvent,
});

/**
 * Appends events with the clinic's next seqs. Must run in the command's transaction: the update takes the clinic
 * row lock, so seqs are gap-free and in commit order.
 */
export async function appendEvents(
  db: Db,
  input: {
    clinicId: string;
    at: Date;
    commandId: string | null;
    events: { event: DomainEvent; displayVisible: boolean }[];
  },
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  for (const { event, displayVisible } of input.events) {
    const [counter] = await db
      .update(clinics)
      .set({ lastSeq: sql`${clinics.lastSeq} + 1` })
      .where(eq(clinics.id, input.clinicId))
      .returning({ seq: clinics.lastSeq, lastDisplaySeq: clinics.lastDisplaySeq });
    const { seq, lastDisplaySeq } = counter!;
    if (displayVisible)
      await db.update(clinics).set({ lastDisplaySeq: seq }).where(eq(clinics.id, input.clinicId));
    const [row] = await db
      .insert(events)
      .values({
        clinicId: input.clinicId,
        seq,
        type: event.type,
        payload: event.payload,
        at: input.at,
        displayPrev: displayVisible ? lastDisplaySeq : null,
        commandId: input.commandId,
      })
      .returning();
    stored.push(toStored(row!));
  }
  return stored;
}

/** Events after `afterSeq`, in order; `displayOnly` keeps those a display may see. At most `limit`. */
export async function listEventsAfter(
  db: Db,
  input: { clinicId: string; afterSeq: number; displayOnly: boolean; limit: number },
): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.clinicId, input.clinicId),
        gt(events.seq, input.afterSeq),
        input.displayOnly ? isNotNull(events.displayPrev) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(input.limit);
  return rows.map(toStored);
}

/** The clinic's latest seq overall and the latest a display could see. */
export async function latestSeqs(
  db: Db,
  clinicId: string,
): Promise<{ lastSeq: number; lastDisplaySeq: number }> {
  const [row] = await db
    .select({ lastSeq: clinics.lastSeq, lastDisplaySeq: clinics.lastDisplaySeq })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row ?? { lastSeq: 0, lastDisplaySeq: 0 };
}

/** The oldest seq still kept for replay (everything older needs a snapshot). */
export async function oldestSeq(db: Db, clinicId: string): Promise<number | null> {
  const [row] = await db
    .select({ seq: min(events.seq) })
    .from(events)
    .where(eq(events.clinicId, clinicId));
  return row?.seq ?? null;
}
