import { and, asc, eq, gt, isNotNull, min, sql } from 'drizzle-orm';
import type { DomainEvent } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type StoredEvent = {
  seq: number;
  at: string;
  /** Previous display-visible seq, or null when displays may not see this event. */
  displayPrev: number | null;
  event: DomainEvent;
};

const toStored = (row: typeof t.events.$inferSelect): StoredEvent => ({
  seq: row.seq,
  at: row.at.toISOString(),
  displayPrev: row.displayPrev,
  event: { type: row.type, payload: row.payload } as DomainEvent,
});

/**
 * Appends events with the clinic's next seqs. Must run in the command's transaction: the update takes the clinic
 * row lock, so seqs are gap-free and in commit order.
 */
async function appendEvents(
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
      .update(t.clinics)
      .set({ lastSeq: sql`${t.clinics.lastSeq} + 1` })
      .where(eq(t.clinics.id, input.clinicId))
      .returning({ seq: t.clinics.lastSeq, lastDisplaySeq: t.clinics.lastDisplaySeq });
    const { seq, lastDisplaySeq } = counter!;
    if (displayVisible)
      await db.update(t.clinics).set({ lastDisplaySeq: seq }).where(eq(t.clinics.id, input.clinicId));
    const [row] = await db
      .insert(t.events)
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
async function listEventsAfter(
  db: Db,
  input: { clinicId: string; afterSeq: number; displayOnly: boolean; limit: number },
): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(t.events)
    .where(
      and(
        eq(t.events.clinicId, input.clinicId),
        gt(t.events.seq, input.afterSeq),
        input.displayOnly ? isNotNull(t.events.displayPrev) : undefined,
      ),
    )
    .orderBy(asc(t.events.seq))
    .limit(input.limit);
  return rows.map(toStored);
}

/** The clinic's latest seq overall and the latest a display could see. */
async function latestSeqs(db: Db, clinicId: string): Promise<{ lastSeq: number; lastDisplaySeq: number }> {
  const [row] = await db
    .select({ lastSeq: t.clinics.lastSeq, lastDisplaySeq: t.clinics.lastDisplaySeq })
    .from(t.clinics)
    .where(eq(t.clinics.id, clinicId));
  return row ?? { lastSeq: 0, lastDisplaySeq: 0 };
}

/** The oldest seq still kept for replay (everything older needs a snapshot). */
async function oldestSeq(db: Db, clinicId: string): Promise<number | null> {
  const [row] = await db
    .select({ seq: min(t.events.seq) })
    .from(t.events)
    .where(eq(t.events.clinicId, clinicId));
  return row?.seq ?? null;
}

export const events = {
  append: appendEvents,
  listAfter: listEventsAfter,
  latestSeqs,
  oldestSeq,
};
