import type { ComparisonRow, HeadlineFigure, PeriodReport } from '@clinicflow/domain';
import type { CsvColumn } from '$lib/csv';
import { messages as t } from './messages';

/** A column: the raw figure (what the CSV gets) and how the screen shows it. */
type StatColumn<R> = CsvColumn<R> & { show?: (row: R) => string; numeric?: boolean };

/** A table ready to show and export: each cell raw (for the CSV) and as shown. */
export type StatTable = {
  /** Stable name: the CSV's file name and the chart slot's key. */
  key: string;
  title: string;
  headings: string[];
  numeric: boolean[];
  raw: (string | number | null)[][];
  shown: string[][];
};

function table<R>(key: string, title: string, rows: readonly R[], columns: StatColumn<R>[]): StatTable {
  return {
    key,
    title,
    headings: columns.map((c) => c.heading),
    numeric: columns.map((c) => c.numeric === true),
    raw: rows.map((r) => columns.map((c) => c.value(r))),
    shown: rows.map((r) => columns.map((c) => (c.show ? c.show(r) : String(c.value(r) ?? t.none)))),
  };
}

/** The CSV of a table: its raw figures under its headings. */
export const tableCsvColumns = (stat: StatTable): CsvColumn<StatTable['raw'][number]>[] =>
  stat.headings.map((heading, i) => ({ heading, value: (row) => row[i] ?? null }));

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const shown = (format: Intl.NumberFormat) => (value: number | null) =>
  value === null ? t.none : format.format(value);
export const showNumber = shown(number);
export const showPercent = shown(percent);

const rateFigures: readonly HeadlineFigure[] = [
  'no_show_rate',
  'cancellation_rate',
  'left_without_being_seen_rate',
  'room_utilization',
  'provider_utilization',
];
/** A headline figure as the screen shows it: rates and shares as percentages, the rest as numbers. */
export const showFigure = (figure: HeadlineFigure, value: number | null): string =>
  rateFigures.includes(figure) ? showPercent(value) : showNumber(value);
const showChange = (figure: HeadlineFigure, value: number | null): string =>
  value === null
    ? t.none
    : rateFigures.includes(figure)
      ? `${signed.format(value * 100)} pt`
      : signed.format(value);

function col<R>(
  heading: string,
  value: (row: R) => string | number | null,
  show?: (row: R) => string,
): StatColumn<R> {
  return show ? { heading, value, show, numeric: true } : { heading, value };
}

export function comparisonTable(rows: ComparisonRow[]): StatTable {
  const c = t.columns;
  return table('comparison', t.tables.comparison, rows, [
    col(c.figure, (r) => t.figures[r.figure]),
    col(
      c.current,
      (r) => r.current,
      (r) => showFigure(r.figure, r.current),
    ),
    col(
      c.previous,
      (r) => r.previous,
      (r) => showFigure(r.figure, r.previous),
    ),
    col(
      c.change,
      (r) => r.change,
      (r) => showChange(r.figure, r.change),
    ),
  ]);
}

/** Every table of one period's report, in the order the dashboard shows them. */
export function reportTables(report: PeriodReport): StatTable[] {
  const c = t.columns;
  const count = (v: number) => number.format(v);
  return [
    table('by-hour', t.tables.byHour, report.byHour, [
      col(c.hour, (r) => r.hour),
      col(
        c.appointments,
        (r) => r.appointments,
        (r) => count(r.appointments),
      ),
      col(
        c.arrivals,
        (r) => r.arrivals,
        (r) => count(r.arrivals),
      ),
    ]),
    table('by-day', t.tables.byDay, report.byDay, [
      col(c.day, (r) => r.day),
      col(
        c.appointments,
        (r) => r.appointments,
        (r) => count(r.appointments),
      ),
      col(
        c.arrivals,
        (r) => r.arrivals,
        (r) => count(r.arrivals),
      ),
      col(
        c.seen,
        (r) => r.seen,
        (r) => count(r.seen),
      ),
    ]),
    table('durations', t.tables.durations, report.durations, [
      col(c.measure, (r) => t.measures[r.measure]),
      col(
        c.visits,
        (r) => r.visits,
        (r) => count(r.visits),
      ),
      col(
        c.median,
        (r) => r.medianMinutes,
        (r) => showNumber(r.medianMinutes),
      ),
      col(
        c.p90,
        (r) => r.p90Minutes,
        (r) => showNumber(r.p90Minutes),
      ),
    ]),
    table('outcomes', t.tables.outcomes, report.outcomes, [
      col(c.outcome, (r) => t.outcomes[r.outcome]),
      col(
        c.count,
        (r) => r.count,
        (r) => count(r.count),
      ),
      col(
        c.outOf,
        (r) => r.outOf,
        (r) => count(r.outOf),
      ),
      col(
        c.rate,
        (r) => r.rate,
        (r) => showPercent(r.rate),
      ),
    ]),
    ...(['rooms', 'providers'] as const).map((kind) =>
      table(kind, t.tables[kind], report[kind], [
        col(kind === 'rooms' ? c.room : c.provider, (r) => r.name),
        col(
          c.busy,
          (r) => r.busyMinutes,
          (r) => showNumber(r.busyMinutes),
        ),
        col(
          c.open,
          (r) => r.openMinutes,
          (r) => showNumber(r.openMinutes),
        ),
        col(
          c.utilization,
          (r) => r.utilization,
          (r) => showPercent(r.utilization),
        ),
      ]),
    ),
    table('satisfaction', t.tables.satisfaction, report.satisfaction, [
      col(c.question, (r) => r.text),
      col(
        c.responses,
        (r) => r.responses,
        (r) => count(r.responses),
      ),
      col(
        c.average,
        (r) => r.averageScore,
        (r) => showNumber(r.averageScore),
      ),
      col(
        c.max,
        (r) => r.maxScore,
        (r) => count(r.maxScore),
      ),
    ]),
  ];
}
