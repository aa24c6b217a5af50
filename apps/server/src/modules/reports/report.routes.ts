import { reportQuerySchema, type ReportAnswer } from '@clinicflow/contracts';
import { audit } from '../../platform/audit';
import type { Router } from '../../http/route';
import { comparedReport } from './report.service';

export function registerReportRoutes({ route, ctx, invalid, origin }: Router): void {
  /** A period's statistics and the previous period's. Aggregates only, but drawn from patients' visits: audited. */
  route('reports', async (req, reply, caller): Promise<ReportAnswer | unknown> => {
    const parsed = reportQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    const answer = await comparedReport(ctx, parsed.data);
    await audit(ctx, {
      actor: caller.actor!,
      action: 'ReadReport',
      entityType: 'report',
      entityId: null,
      origin: origin(req),
    });
    return answer;
  });
}
