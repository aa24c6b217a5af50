import { auditQuerySchema } from '@clinicflow/contracts';
import { queryAudit, verifyAudit } from '../../platform/audit';
import type { Router } from '../../http/route';

export function registerAuditRoutes({ route, ctx, invalid }: Router): void {
  route('auditLog', async (req, reply) => {
    const parsed = auditQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    return queryAudit(ctx, parsed.data);
  });

  route('verifyAudit', () => verifyAudit(ctx));
}
