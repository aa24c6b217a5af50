import { barChart, comparedBarChart, lineChart } from './charts';

/**
 * Synthetic figures for the console's chart preview, the sample PDF and the golden files: one of each chart kind,
 * fixed so the server's SVG and the browser's can be compared byte for byte.
 */
export const chartSamples = {
  visitsByHour: barChart(
    {
      title: 'Most patients arrived between 9 and 10',
      period: 'Tuesday 1 December 2026',
      x: { title: 'Hour of arrival' },
      y: { title: 'Visits', unit: 'patients' },
    },
    [3, 11, 7, 5, 2, 6, 8, 4, 1].map((value, i) => ({ label: String(8 + i).padStart(2, '0'), value })),
  ),
  waitByDay: lineChart(
    {
      title: 'Median wait rose to 18 min on Wednesday',
      period: '24–30 November 2026',
      x: { title: 'Day' },
      y: { title: 'Median wait', unit: 'min' },
    },
    [12, 14, 18, 11, 9, 10, 8].map((value, i) => ({ day: `2026-11-${24 + i}`, value })),
  ),
  noShowsCompared: comparedBarChart(
    {
      title: 'Fewer no-shows this week than last',
      period: '23–29 November 2026 against 16–22 November 2026',
      x: { title: 'Day' },
      y: { title: 'No-shows', unit: 'patients' },
      current: 'This week',
      previous: 'Last week',
    },
    [
      { label: 'Mon', current: 2, previous: 4 },
      { label: 'Tue', current: 1, previous: 2 },
      { label: 'Wed', current: 0, previous: 3 },
      { label: 'Thu', current: 3, previous: 3 },
      { label: 'Fri', current: 1, previous: 2 },
    ],
  ),
};
