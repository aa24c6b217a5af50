import { describe, expect, it } from 'vitest';
import { barChart, comparedBarChart, lineChart, type ChartFrame } from './charts';
import { chartTheme, type ChartSpec } from './spec';

const frame: ChartFrame = {
  title: 'Most patients arrived between 9 and 10',
  period: 'Tuesday 1 December 2026',
  x: { title: 'Hour of arrival' },
  y: { title: 'Visits', unit: 'patients' },
};
const hours = [
  { label: '08', value: 3 },
  { label: '09', value: 11 },
  { label: '10', value: 7 },
];

// Every colour a chart draws with, wherever in the spec it sits.
function colours(spec: ChartSpec): string[] {
  return JSON.stringify({ layer: spec.layer, encoding: spec.encoding }).match(/#[0-9a-f]{6}/gi) ?? [];
}

describe('bar chart', () => {
  const { spec, table } = barChart(frame, hours);

  it('states the question, the period and the unit', () => {
    expect(spec.title).toEqual({ text: frame.title, subtitle: 'Tuesday 1 December 2026' });
    expect(spec.encoding.y?.title).toBe('Visits (patients)');
    expect(spec.encoding.x?.title).toBe('Hour of arrival');
  });

  it('starts its bars at zero and keeps the buckets in the order given', () => {
    expect(spec.encoding.y?.scale?.zero).toBe(true);
    expect(spec.encoding.x?.sort).toBeNull();
    expect(spec.data.values.map((v) => v.label)).toEqual(['08', '09', '10']);
  });

  it('labels each bar with its value, hidden from screen readers that already read the bar', () => {
    const labels = spec.layer.find((l) => l.mark.type === 'text');
    expect(labels?.encoding?.text?.field).toBe('value');
    expect(labels?.mark.aria).toBe(false);
    expect(spec.encoding.color).toBeUndefined();
  });

  it('draws with the one accent colour and greys from the tokens', () => {
    expect(new Set(colours(spec))).toEqual(new Set([chartTheme.accent, chartTheme.text]));
  });

  it('describes itself for assistive technology: what it shows, the period, the highest and lowest', () => {
    expect(spec.description).toBe(
      'Bar chart. Most patients arrived between 9 and 10. Tuesday 1 December 2026. Visits (patients) by Hour of arrival. ' +
        'Highest: 09, 11 patients. Lowest: 08, 3 patients.',
    );
  });

  it('gives the same rows as a table with units in its headings', () => {
    expect(table.caption).toBe('Most patients arrived between 9 and 10 (Tuesday 1 December 2026)');
    expect(table.columns.map((c) => c.label)).toEqual(['Hour of arrival', 'Visits (patients)']);
    expect(table.rows).toEqual(hours);
  });

  it('says there is no data rather than inventing extremes', () => {
    expect(barChart(frame, []).spec.description).toMatch(/No data\.$/);
  });
});

describe('line chart over days', () => {
  const waits = {
    ...frame,
    title: 'Median wait rose to 18 min on Wednesday',
    x: { title: 'Day' },
    y: { title: 'Median wait', unit: 'min' },
  };
  const days = [
    { day: '2026-11-24', value: 12 },
    { day: '2026-11-25', value: 18 },
    { day: '2026-11-26', value: 9 },
  ];
  const { spec, table } = lineChart(waits, days);

  it('reads days as UTC calendar days so every time zone draws the same day', () => {
    expect(spec.encoding.x).toMatchObject({ field: 'day', type: 'temporal', timeUnit: 'utcyearmonthdate' });
  });

  it('has a zero-based axis with its unit, and the period', () => {
    expect(spec.encoding.y).toMatchObject({ title: 'Median wait (min)', scale: { zero: true } });
    expect(spec.title.subtitle).toBe(frame.period);
  });

  it('labels every point of a short line, only the last of a long one', () => {
    expect(spec.data.values.every((v) => v.labelled)).toBe(true);
    const month = Array.from({ length: 30 }, (_, i) => ({
      day: `2026-11-${String(i + 1).padStart(2, '0')}`,
      value: i,
    }));
    const long = lineChart(waits, month).spec.data.values;
    expect(long.filter((v) => v.labelled).map((v) => v.day)).toEqual(['2026-11-30']);
  });

  it('describes where it starts, ends and peaks, with days a reader recognises', () => {
    expect(spec.description).toContain('From 24 Nov (12 min) to 26 Nov (9 min). Highest: 25 Nov, 18 min.');
    expect(table.rows[0]).toEqual({ day: '24 Nov', value: 12 });
  });
});

describe('compared bar chart', () => {
  const noShows = {
    ...frame,
    title: 'Fewer no-shows this week',
    period: '23–29 Nov against 16–22 Nov 2026',
    x: { title: 'Day' },
    y: { title: 'No-shows', unit: 'patients' },
    current: 'This week',
    previous: 'Last week',
  };
  const { spec, table } = comparedBarChart(noShows, [
    { label: 'Mon', current: 2, previous: 4 },
    { label: 'Tue', current: 1, previous: 1 },
  ]);

  it('puts the previous period first in grey and this period in the accent colour, from zero', () => {
    const bars = spec.layer.find((l) => l.mark.type === 'bar');
    expect(bars?.encoding?.color?.scale).toEqual({
      domain: ['Last week', 'This week'],
      range: [chartTheme.comparison, chartTheme.accent],
    });
    expect(spec.encoding.xOffset?.sort).toEqual(['Last week', 'This week']);
    expect(spec.encoding.y?.scale?.zero).toBe(true);
  });

  it('has one row per category and period, so each bar has its value label', () => {
    expect(spec.data.values).toHaveLength(4);
    expect(spec.data.values[0]).toEqual({ label: 'Mon', series: 'Last week', value: 4 });
    expect(spec.layer.some((l) => l.mark.type === 'text')).toBe(true);
  });

  it('names both periods in its table and description', () => {
    expect(table.columns.map((c) => c.label)).toEqual([
      'Day',
      'Last week (patients)',
      'This week (patients)',
    ]);
    expect(spec.description).toContain('Mon: 4 patients then 2 patients');
  });
});
