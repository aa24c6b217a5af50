import type { Actor } from '@clinicflow/domain';
import type { AuditQuery, AuditRow } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import type { ServiceContext } from './context';

/**
 * Appends one audit row in its own transaction. Inside a command, use repo.auditLog.append on the command's transaction
 * instead; both take the clinic lock so the hash chain never forks.
 */
export async function audit(
  ctx: ServiceContext,
  entry: { actor: Actor; action: string; entityType: string; entityId: string | null; origin: string | null },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.clinics.lock(tx as Db, ctx.clinicId);
    await repo.auditLog.append(tx as Db, { clinicId: ctx.clinicId, at: ctx.clock.now(), ...entry });
  });
}

const describeActor = (actor: Actor): string =>
  actor.kind === 'staff' ? `staff:${actor.id}` : actor.kind === 'device' ? `device:${actor.id}` : 'system';

export async function queryAudit(ctx: ServiceContext, query: AuditQuery): Promise<AuditRow[]> {
  const rows = await repo.auditLog.list(ctx.db, ctx.clinicId, query);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: describeActor(r.actor),
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    origin: r.origin,
    reason: r.reason,
  }));
}

export const verifyAudit = (ctx: ServiceContext) => repo.auditLog.verifyChain(ctx.db, ctx.clinicId);
