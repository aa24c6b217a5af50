/**
 * The subset of Vega-Lite the charts use, typed locally: the domain imports no library (.eslint/layers.js), and
 * packages/documents checks at compile time that a ChartSpec is a vega-lite TopLevelSpec.
 */
export type ChartValue = string | number | boolean | null;
export type ChartDatum = Record<string, ChartValue>;

export interface ChartAxis {
  format?: string;
  formatType?: 'number' | 'time' | 'utc';
  labelAngle?: number;
  labelOverlap?: boolean | 'greedy' | 'parity';
  tickCount?: number;
  grid?: boolean;
}

export interface ChartFieldDef {
  field: string;
  type: 'nominal' | 'ordinal' | 'quantitative' | 'temporal';
  title?: string | null;
  timeUnit?: 'utcyearmonthdate';
  sort?: null | string[];
  format?: string;
  formatType?: 'number' | 'time' | 'utc';
  axis?: ChartAxis | null;
  scale?: { zero?: boolean; nice?: boolean; domain?: string[]; range?: string[]; type?: 'utc' };
  legend?: { orient: 'top'; title: null; direction?: 'horizontal' } | null;
}

export interface ChartEncoding {
  x?: ChartFieldDef;
  y?: ChartFieldDef;
  xOffset?: ChartFieldDef;
  color?: ChartFieldDef;
  text?: ChartFieldDef;
}

export interface ChartMark {
  type: 'bar' | 'line' | 'point' | 'text';
  color?: string;
  filled?: boolean;
  size?: number;
  strokeWidth?: number;
  dy?: number;
  dx?: number;
  align?: 'left' | 'center' | 'right';
  baseline?: 'top' | 'middle' | 'bottom';
  fontSize?: number;
  // Direct value labels repeat what the bars say: hidden from assistive technology.
  aria?: boolean;
  cornerRadiusEnd?: number;
}

export interface ChartLayer {
  mark: ChartMark;
  encoding?: ChartEncoding;
  transform?: { filter: string }[];
}

export interface ChartSpec {
  $schema: string;
  title: { text: string; subtitle: string };
  description: string;
  width: number;
  height: number;
  autosize: { type: 'fit'; contains: 'padding' };
  padding: number;
  background: string;
  data: { values: ChartDatum[] };
  encoding: ChartEncoding;
  layer: ChartLayer[];
  config: Record<string, unknown>;
}

/** The table beside a chart: its accessible alternative, from the same rows. */
export interface ChartTable {
  caption: string;
  columns: { key: string; label: string; numeric: boolean }[];
  rows: Record<string, string | number>[];
}

export interface Chart {
  spec: ChartSpec;
  table: ChartTable;
}

/**
 * Colours and type from packages/ui's tokens.css (a ui test checks they still match): one accent for the figure
 * being read, greys for everything else. The font is DejaVu Sans, the font the PDFs embed, so paper and screen agree.
 */
export const chartTheme = {
  accent: '#1d4ed8', // --cf-color-primary
  comparison: '#6b7580', // --cf-color-border: the previous period, 4.7:1 on white
  text: '#0b0c0c', // --cf-color-text
  muted: '#505a5f', // --cf-color-text-muted
  rule: '#6b7580', // --cf-color-border
  grid: '#d5d9de', // --cf-color-divider
  background: '#ffffff', // --cf-color-bg
  font: 'DejaVu Sans, Verdana, sans-serif',
} as const;

export const chartConfig: Record<string, unknown> = {
  font: chartTheme.font,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 14,
    fontWeight: 'bold',
    color: chartTheme.text,
    subtitleColor: chartTheme.muted,
    subtitleFontSize: 11,
    subtitlePadding: 4,
    offset: 12,
  },
  axis: {
    labelColor: chartTheme.muted,
    labelFontSize: 10,
    titleColor: chartTheme.text,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    domainColor: chartTheme.rule,
    tickColor: chartTheme.rule,
    gridColor: chartTheme.grid,
  },
  axisX: { grid: false },
  axisY: { domain: false, ticks: false, tickCount: 5 },
  legend: { labelColor: chartTheme.text, labelFontSize: 11, symbolType: 'square' },
};
