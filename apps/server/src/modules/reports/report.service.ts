import {
  buildReport,
  compareReports,
  previousPeriod,
  type Period,
  type PeriodReport,
} from '@clinicflow/domain';
import type { ReportAnswer } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';

/** One period's statistics, from its clinic days' visits and surveys in the database. */
export async function periodReport(ctx: ServiceContext, period: Period): Promise<PeriodReport> {
  const scope = { clinicId: ctx.clinicId, ...period };
  const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
  return buildReport({
    period,
    timezone: clinic.timezone,
    visits: await repo.reports.visits(ctx.db, scope),
    rooms: await repo.rooms.list(ctx.db, ctx.clinicId),
    providers: await repo.providers.list(ctx.db, ctx.clinicId),
    surveys: await repo.reports.surveys(ctx.db, scope),
  });
}

/** A period beside the one of the same length before it. */
export async function comparedReport(ctx: ServiceContext, period: Period): Promise<ReportAnswer> {
  const current = await periodReport(ctx, period);
  const previous = await periodReport(ctx, previousPeriod(period));
  return { current, previous, comparison: compareReports(current, previous) };
}
