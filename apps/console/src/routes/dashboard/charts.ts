import {
  barChart,
  comparedBarChart,
  lineChart,
  type Chart,
  type ComparisonRow,
  type PeriodReport,
} from '@clinicflow/domain';
import { messages as t } from './messages';
import { showPercent } from './tables';

const c = t.charts;
const period = (p: { from: string; to: string }) => t.covering(p.from, p.to);
const percentOf = (share: number | null) => Math.round((share ?? 0) * 1000) / 10;

function highest<R>(rows: readonly R[], value: (r: R) => number): R | undefined {
  return rows.reduce<R | undefined>(
    (best, r) => (best === undefined || value(r) > value(best) ? r : best),
    undefined,
  );
}

/** The chart beside each table of a period's report, keyed like the tables; a table without a chart has none. */
export function reportCharts(report: PeriodReport): Record<string, Chart> {
  const charts: Record<string, Chart> = {};
  const at = period(report);

  if (report.byHour.length > 0) {
    const peak = highest(report.byHour, (r) => r.arrivals)!;
    charts['by-hour'] = comparedBarChart(
      {
        title: c.byHour(peak.hour, peak.arrivals),
        period: at,
        x: { title: c.hour },
        y: { title: c.visits, unit: c.patients },
        previous: c.booked,
        current: c.arrived,
      },
      report.byHour.map((r) => ({ label: r.hour, previous: r.appointments, current: r.arrivals })),
    );
  }

  if (report.byDay.length > 1) {
    const peak = highest(report.byDay, (r) => r.arrivals)!;
    charts['by-day'] = lineChart(
      {
        title: c.byDay(peak.day, peak.arrivals),
        period: at,
        x: { title: c.day },
        y: { title: t.columns.arrivals, unit: c.patients },
      },
      report.byDay.map((r) => ({ day: r.day, value: r.arrivals })),
    );
  }

  const timed = report.durations.filter((r) => r.medianMinutes !== null);
  const longest = highest(timed, (r) => r.medianMinutes!);
  // No visit timed yet: empty axes answer nothing, the table says so.
  if (longest)
    charts.durations = comparedBarChart(
      {
        title: c.durations(c.shortMeasures[longest.measure], longest.medianMinutes!),
        period: at,
        x: { title: c.measure },
        y: { title: c.time, unit: c.minutes },
        previous: c.median,
        current: c.p90,
      },
      timed.map((r) => ({
        label: c.shortMeasures[r.measure],
        previous: r.medianMinutes!,
        current: r.p90Minutes ?? r.medianMinutes!,
      })),
    );

  for (const kind of ['rooms', 'providers'] as const) {
    const rows = report[kind];
    if (rows.length === 0) continue;
    const busiest = highest(rows, (r) => r.utilization ?? 0)!;
    charts[kind] = barChart(
      {
        title:
          (busiest.utilization ?? 0) > 0 ? c.busiest(busiest.name, showPercent(busiest.utilization)) : c.idle,
        period: at,
        x: { title: kind === 'rooms' ? t.columns.room : t.columns.provider },
        y: { title: c.share, unit: c.percent },
      },
      rows.map((r) => ({ label: r.name, value: percentOf(r.utilization) })),
    );
  }
  return charts;
}

/** This period's rates beside the previous period's; the title names the rate that moved most. */
export function comparisonChart(
  rows: ComparisonRow[],
  current: { from: string; to: string },
  previous: { from: string; to: string },
): Chart {
  const rates = rows.filter((r) => c.rates[r.figure] !== undefined);
  const moved = highest(rates, (r) => Math.abs(r.change ?? 0)) ?? rates[0];
  return comparedBarChart(
    {
      title: moved
        ? c.rateMoves(t.figures[moved.figure], showPercent(moved.previous), showPercent(moved.current))
        : t.tables.comparison,
      period: c.against(period(current), period(previous)),
      x: { title: c.rate },
      y: { title: c.rate, unit: c.percent, format: ',.1f' },
      previous: t.columns.previous,
      current: t.columns.current,
    },
    rates.map((r) => ({
      label: c.rates[r.figure]!,
      previous: percentOf(r.previous),
      current: percentOf(r.current),
    })),
  );
}
