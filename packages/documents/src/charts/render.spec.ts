import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barChart, chartSamples, comparedBarChart } from '@clinicflow/domain';
import { describe, expect, it } from 'vitest';
import { pdfText, renderToBuffer } from '../testing/pdf-inspect.js';
import { chartSvg, drawChart } from './render.js';

const visits = chartSamples.visitsByHour;
const frame = {
  title: 'Room 3 was busiest',
  period: 'Tuesday 1 December 2026',
  x: { title: 'Room' },
  y: { title: 'Occupied', unit: 'min' },
};

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

function inspect(pdf: Buffer, tool: 'qpdf' | 'pdffonts'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chart-')), 'chart.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'qpdf' ? ['--check', file] : [file], { encoding: 'utf8' });
}

describe('chart SVG on the server', () => {
  it('shows the title, the period, both axis titles with the unit, and every value', async () => {
    const svg = await chartSvg(visits.spec);
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'Most patients arrived between 9 and 10',
        'Tuesday 1 December 2026',
        'Hour of arrival',
        'Visits (patients)',
        '08',
        '09',
        '11',
      ]),
    );
  });

  it('carries its description and an accessible label for each bar', async () => {
    const svg = await chartSvg(visits.spec);
    expect(svg).toMatch(
      /^<svg role="graphics-document" aria-roledescription="visualization" aria-label="Bar chart\. Most patients/,
    );
    expect(svg).toContain('aria-label="Hour of arrival: 09; Visits (patients): 11"');
    expect(svg).toContain(`aria-label="Y-axis titled 'Visits (patients)'`);
  });

  it('starts the value axis at zero', async () => {
    const svg = await chartSvg(
      barChart(frame, [
        { label: 'Room 2', value: 400 },
        { label: 'Room 3', value: 420 },
      ]).spec,
    );
    expect(texts(svg)).toContain('0');
  });

  it('labels the days of a line chart as calendar days whatever the server time zone', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Honolulu', 'Asia/Ho_Chi_Minh']) {
        process.env.TZ = tz;
        const labels = texts(await chartSvg(chartSamples.waitByDay.spec));
        expect(labels).toEqual(expect.arrayContaining(['24 Nov', '30 Nov']));
        expect(labels).not.toContain('23 Nov');
        expect(labels).not.toContain('1 Dec');
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('escapes a description that contains markup', async () => {
    const chart = comparedBarChart(
      { ...frame, title: 'Rooms <3 & 4> "busy"', current: 'Now', previous: 'Before' },
      [{ label: 'Room 3', current: 1, previous: 2 }],
    );
    const svg = await chartSvg(chart.spec);
    expect(svg).toContain('aria-label="Grouped bar chart. Rooms &lt;3 &amp; 4&gt; &quot;busy&quot;.');
  });
});

describe('a chart in a PDF', () => {
  it('passes qpdf, embeds every font it uses, and reads back its title, axis titles and labels', async () => {
    const svg = await chartSvg(chartSamples.waitByDay.spec);
    const pdf = await renderToBuffer(
      (doc) => drawChart(doc, svg, { x: 50, y: 60, width: 495, height: 230 }),
      {
        size: 'A4',
      },
    );
    expect(inspect(pdf, 'qpdf')).toContain('No syntax or stream encoding errors');
    const fontRows = inspect(pdf, 'pdffonts').split('\n').slice(2).filter(Boolean);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row).toMatch(/DejaVuSans.*\byes\s+yes\s+yes\b/);
    const text = await pdfText(pdf);
    for (const label of [
      'Median wait rose to 18 min on Wednesday',
      '24–30 November 2026',
      'Median wait (min)',
      'Day',
      '26 Nov',
      '18',
    ])
      expect(text).toContain(label);
  });
});
