import {
  chartConfig,
  chartTheme,
  type Chart,
  type ChartDatum,
  type ChartEncoding,
  type ChartLayer,
  type ChartSpec,
} from './spec';

/** What every chart states: the question it answers, the period it covers, its axes and their units. */
export interface ChartFrame {
  /** Answers a question ("Most patients arrived between 9 and 10"). */
  title: string;
  /** The period covered, as the reader should see it ("Tuesday 1 December 2026"). */
  period: string;
  /** The category or time axis ("Hour of arrival"). */
  x: { title: string };
  /** The measured axis: its name and unit ("Visits", "patients"; "Median wait", "min"). */
  y: { title: string; unit: string; format?: string };
  width?: number;
  height?: number;
}

export interface BarRow {
  label: string;
  value: number;
}

export interface DayPoint {
  /** A calendar day, YYYY-MM-DD. */
  day: string;
  value: number;
}

export interface ComparedRow {
  label: string;
  current: number;
  previous: number;
}

const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
// A line labels every point while the labels fit side by side; beyond that only its last point.
const maxLabelledPoints = 12;

const axisTitle = (y: ChartFrame['y']) => `${y.title} (${y.unit})`;
const valueFormat = (y: ChartFrame['y']) => y.format ?? ',.0f';
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const showDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

function frameSpec(
  frame: ChartFrame,
  description: string,
  values: ChartDatum[],
  encoding: ChartEncoding,
  layer: ChartLayer[],
): ChartSpec {
  return {
    $schema: schema,
    title: { text: frame.title, subtitle: frame.period },
    description,
    width: frame.width ?? 560,
    height: frame.height ?? 260,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
    background: chartTheme.background,
    data: { values },
    encoding,
    layer,
    config: chartConfig,
  };
}

function extremes<R extends object>(rows: R[], value: (r: R) => number): { high: R; low: R } | undefined {
  if (rows.length === 0) return undefined;
  let high = rows[0]!;
  let low = rows[0]!;
  for (const r of rows) {
    if (value(r) > value(high)) high = r;
    if (value(r) < value(low)) low = r;
  }
  return { high, low };
}

const amount = (frame: ChartFrame, v: number) => `${number.format(v)} ${frame.y.unit}`;

const valueLabels = (frame: ChartFrame, extra: Partial<ChartLayer['mark']> = {}): ChartLayer => ({
  mark: {
    type: 'text',
    color: chartTheme.text,
    baseline: 'bottom',
    dy: -3,
    fontSize: 10,
    aria: false,
    ...extra,
  },
  encoding: { text: { field: 'value', type: 'quantitative', format: valueFormat(frame.y) } },
});

/** Columns over categories or time buckets (hours, weekdays, rooms), in the order given, from zero. */
export function barChart(frame: ChartFrame, rows: BarRow[]): Chart {
  const ends = extremes(rows, (r) => r.value);
  const summary = ends
    ? ` Highest: ${ends.high.label}, ${amount(frame, ends.high.value)}. Lowest: ${ends.low.label}, ${amount(frame, ends.low.value)}.`
    : ' No data.';
  const spec = frameSpec(
    frame,
    `Bar chart. ${frame.title}. ${frame.period}. ${axisTitle(frame.y)} by ${frame.x.title}.${summary}`,
    rows.map((r) => ({ label: r.label, value: r.value })),
    {
      x: {
        field: 'label',
        type: 'nominal',
        sort: null,
        title: frame.x.title,
        axis: { labelAngle: 0, labelOverlap: 'greedy' },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle(frame.y),
        scale: { zero: true },
        axis: { format: valueFormat(frame.y) },
      },
    },
    [{ mark: { type: 'bar', color: chartTheme.accent, cornerRadiusEnd: 2 } }, valueLabels(frame)],
  );
  return {
    spec,
    table: {
      caption: `${frame.title} (${frame.period})`,
      columns: [
        { key: 'label', label: frame.x.title, numeric: false },
        { key: 'value', label: axisTitle(frame.y), numeric: true },
      ],
      rows: rows.map((r) => ({ label: r.label, value: r.value })),
    },
  };
}

/** A line over calendar days (one row a day, in order); axis from zero so a small change looks small. */
export function lineChart(frame: ChartFrame, rows: DayPoint[]): Chart {
  const ends = extremes(rows, (r) => r.value);
  const first = rows[0];
  const last = rows.at(-1);
  const summary =
    ends && first && last
      ? ` From ${showDay(first.day)} (${amount(frame, first.value)}) to ${showDay(last.day)} (${amount(frame, last.value)}). Highest: ${showDay(ends.high.day)}, ${amount(frame, ends.high.value)}.`
      : ' No data.';
  const labelAll = rows.length <= maxLabelledPoints;
  const spec = frameSpec(
    frame,
    `Line chart. ${frame.title}. ${frame.period}. ${axisTitle(frame.y)} by ${frame.x.title}.${summary}`,
    rows.map((r, i) => ({ day: r.day, value: r.value, labelled: labelAll || i === rows.length - 1 })),
    {
      // UTC throughout: a calendar day is the same day on the server and in any browser's time zone.
      x: {
        field: 'day',
        type: 'temporal',
        timeUnit: 'utcyearmonthdate',
        title: frame.x.title,
        axis: { format: '%-d %b', labelOverlap: 'greedy', grid: false },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle(frame.y),
        scale: { zero: true },
        axis: { format: valueFormat(frame.y) },
      },
    },
    [
      { mark: { type: 'line', color: chartTheme.accent, strokeWidth: 2 } },
      { mark: { type: 'point', color: chartTheme.accent, filled: true, size: 36 } },
      { ...valueLabels(frame, { dy: -6 }), transform: [{ filter: 'datum.labelled' }] },
    ],
  );
  return {
    spec,
    table: {
      caption: `${frame.title} (${frame.period})`,
      columns: [
        { key: 'day', label: frame.x.title, numeric: false },
        { key: 'value', label: axisTitle(frame.y), numeric: true },
      ],
      rows: rows.map((r) => ({ day: showDay(r.day), value: r.value })),
    },
  };
}

/**
 * This period beside the previous one, per category: the current bar in the accent colour, the previous in grey,
 * both labelled with their values. Two series need a key, so this chart has a one-line legend above it.
 */
export function comparedBarChart(
  frame: ChartFrame & { current: string; previous: string },
  rows: ComparedRow[],
): Chart {
  const changes = rows
    .map((r) => `${r.label}: ${amount(frame, r.previous)} then ${amount(frame, r.current)}`)
    .join('; ');
  const values = rows.flatMap((r) => [
    { label: r.label, series: frame.previous, value: r.previous },
    { label: r.label, series: frame.current, value: r.current },
  ]);
  const series = {
    field: 'series',
    type: 'nominal' as const,
    sort: [frame.previous, frame.current],
    title: null,
  };
  const spec = frameSpec(
    frame,
    `Grouped bar chart. ${frame.title}. ${frame.period}. ${axisTitle(frame.y)} by ${frame.x.title}, ${frame.previous} against ${frame.current}. ${changes || 'No data'}.`,
    values,
    {
      x: {
        field: 'label',
        type: 'nominal',
        sort: null,
        title: frame.x.title,
        axis: { labelAngle: 0, labelOverlap: 'greedy' },
      },
      xOffset: series,
      y: {
        field: 'value',
        type: 'quantitative',
        title: axisTitle(frame.y),
        scale: { zero: true },
        axis: { format: valueFormat(frame.y) },
      },
    },
    [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          color: {
            ...series,
            scale: {
              domain: [frame.previous, frame.current],
              range: [chartTheme.comparison, chartTheme.accent],
            },
            legend: { orient: 'top', title: null, direction: 'horizontal' },
          },
        },
      },
      valueLabels(frame),
    ],
  );
  return {
    spec,
    table: {
      caption: `${frame.title} (${frame.period})`,
      columns: [
        { key: 'label', label: frame.x.title, numeric: false },
        { key: 'previous', label: `${frame.previous} (${frame.y.unit})`, numeric: true },
        { key: 'current', label: `${frame.current} (${frame.y.unit})`, numeric: true },
      ],
      rows: rows.map((r) => ({ label: r.label, previous: r.previous, current: r.current })),
    },
  };
}
