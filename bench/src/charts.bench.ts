/**
 * Charts: a chart SVG rendered on the server (Vega-Lite → Vega → SVG, no canvas) and a one-page PDF with that chart,
 * against the same page without a chart in the same run.
 *
 *   pnpm --filter @clinicflow/bench charts [--rounds=60]
 *
 * Pure CPU, no server. Prints a table and one line `BENCH_RESULT {…}`.
 */
import { performance } from 'node:perf_hooks';
import { chartSvg } from '@clinicflow/documents';
import { chartSamples } from '@clinicflow/domain';
import { chartPage } from './chart-page';

const raw = process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1];
const rounds = raw === undefined ? 60 : Number(raw);
if (!Number.isInteger(rounds) || rounds < 5 || rounds > 10_000)
  throw new Error('--rounds must be an integer in [5, 10000]');

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function time(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(); // warm-up: JIT and font parsing
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

const chart = chartSamples.visitsByHour;
const cached = await chartSvg(chart.spec);
const heading = 'Visits by hour';
const rows = [
  await time('chart SVG (bar, 9 bars)', () => chartSvg(chart.spec)),
  await time('PDF page, no chart (baseline)', () => chartPage(heading, [])),
  await time('PDF page + cached chart SVG', () => chartPage(heading, [cached])),
  await time('PDF page + new chart', async () => chartPage(heading, [await chartSvg(chart.spec)])),
];

console.log(`charts bench: ${rounds} rounds each, Node ${process.version}`);
console.log('what                              p50 ms   p95 ms');
for (const r of rows)
  console.log(`${r.name.padEnd(32)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)}`);
const [svg, baseline, withCached, withNew] = rows as [
  (typeof rows)[0],
  (typeof rows)[0],
  (typeof rows)[0],
  (typeof rows)[0],
];
console.log(
  `BENCH_RESULT ${JSON.stringify({
    rounds,
    chart_svg_ms: { p50: svg.p50, p95: svg.p95 },
    pdf_no_chart_ms: { p50: baseline.p50, p95: baseline.p95 },
    pdf_cached_chart_ms: { p50: withCached.p50, p95: withCached.p95 },
    pdf_new_chart_ms: { p50: withNew.p50, p95: withNew.p95 },
  })}`,
);
