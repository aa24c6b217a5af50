import { z } from 'zod';
import { periodProblem, type ComparisonRow, type PeriodReport } from '@clinicflow/domain';

const day = z.iso.date({ message: 'Give a day, for example 2026-12-01' });

/** GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD: clinic days, both included, at most a year. */
export const reportQuerySchema = z.object({ from: day, to: day }).superRefine((period, ctx) => {
  const problem = periodProblem(period);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** A period's statistics beside those of the period of the same length before it. Aggregates only: no patient. */
export type ReportAnswer = {
  current: PeriodReport;
  previous: PeriodReport;
  comparison: ComparisonRow[];
};
