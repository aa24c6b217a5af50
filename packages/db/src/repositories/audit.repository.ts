import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Actor } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type AuditEntry = {
  clinicId: string;
  at: Date;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | null;
  origin: string | null;
  reason?: string | null;
};

const genesis = '0'.repeat(64);

/** JSON with sorted keys: jsonb does not keep key order, and the hash must not depend on it. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

function hashOf(prevHash: string, e: AuditEntry): string {
  const content = canonical([
    e.clinicId,
    e.at.toISOString(),
    e.actor,
    e.action,
    e.entityType,
    e.entityId,
    e.origin,
    // Rows without a reason hash as they did before the column existed, so older chains still verify.
    ...(e.reason != null ? [e.reason] : []),
  ]);
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/** Appends to the clinic's hash chain. Call inside a transaction holding the clinic lock so links never fork. */
async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const [last] = await db
    .select({ hash: t.auditLog.hash })
    .from(t.auditLog)
    .where(eq(t.auditLog.clinicId, entry.clinicId))
    .orderBy(desc(t.auditLog.id))
    .limit(1);
  const prevHash = last?.hash ?? genesis;
  await db.insert(t.auditLog).values({ ...entry, prevHash, hash: hashOf(prevHash, entry) });
}

/** Recomputes the chain; returns the id of the first row that does not match, or null when intact. */
async function verifyAuditChain(
  db: Db,
  clinicId: string,
): Promise<{ rows: number; brokenAt: number | null }> {
  const rows = await db
    .select()
    .from(t.auditLog)
    .where(eq(t.auditLog.clinicId, clinicId))
    .orderBy(asc(t.auditLog.id));
  let prev = genesis;
  for (const row of rows) {
    const expected = hashOf(prev, row);
    if (row.prevHash !== prev || row.hash !== expected) return { rows: rows.length, brokenAt: row.id };
    prev = row.hash;
  }
  return { rows: rows.length, brokenAt: null };
}

export type AuditFilter = {
  /** `staff:<id>`, `device:<id>` or `system`. */
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
};

/** Newest first, filtered. */
async function listAudit(db: Db, clinicId: string, filter: AuditFilter) {
  const [kind, id] = filter.actor?.split(':') ?? [];
  return db
    .select()
    .from(t.auditLog)
    .where(
      and(
        eq(t.auditLog.clinicId, clinicId),
        kind ? sql`${t.auditLog.actor}->>'kind' = ${kind}` : undefined,
        id ? sql`${t.auditLog.actor}->>'id' = ${id}` : undefined,
        filter.action ? eq(t.auditLog.action, filter.action) : undefined,
        filter.entityType ? eq(t.auditLog.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(t.auditLog.entityId, filter.entityId) : undefined,
        filter.from ? gte(t.auditLog.at, new Date(filter.from)) : undefined,
        filter.to ? lte(t.auditLog.at, new Date(filter.to)) : undefined,
      ),
    )
    .orderBy(desc(t.auditLog.id))
    .limit(filter.limit);
}

export const auditLog = {
  append: appendAudit,
  verifyChain: verifyAuditChain,
  list: listAudit,
};
