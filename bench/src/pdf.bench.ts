/**
 * PDF documents: the filled intake form (2 pages, one questionnaire in Vietnamese with English beside, a vector
 * signature) drawn in-process, p50 over many runs, beside a baseline measured in the same run: a one-line page with
 * the same embedded font (the fixed cost of any PDF). Then the event loop's delay (1 ms timer, p99) while 20 PDFs
 * are drawn at once, on the worker pool and in-process, against the same loop idle.
 *
 *   pnpm --filter @clinicflow/bench pdf [--runs=60] [--burst=20]
 *
 * Goals: intake form p50 ≤ 30 ms; loop delay with 20 PDFs on the pool ≤ 1.5× idle.
 */
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { fonts, PdfPool, renderDocument } from '@clinicflow/documents';
import { sampleIntakeForm } from '@clinicflow/documents/fixtures';

function parseArgs(argv: string[]) {
  const int = (name: string, fallback: number) => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      throw new Error(`--${name} must be an integer in [1, 10000]`);
    return n;
  };
  return { runs: int('runs', 60), burst: int('burst', 20) };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

function onePage(): Promise<void> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ font: fonts.regular });
    doc.on('data', () => {});
    doc.on('end', () => resolve());
    doc.text('Riverside Family Clinic — Nguyễn Thị Hằng');
    doc.end();
  });
}

async function timed(runs: number, draw: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await draw(); // warm-up: JIT, font parsing
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await draw();
    times.push(performance.now() - start);
  }
  return times;
}

/** How late a 1 ms timer fires, sampled until `work` settles (or for `idleMs` when there is none). */
async function loopDelay(work: (() => Promise<unknown>) | null, idleMs = 1500): Promise<number[]> {
  const delays: number[] = [];
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 1));
      delays.push(performance.now() - start - 1);
    }
  })();
  if (work) await work();
  else await new Promise((r) => setTimeout(r, idleMs));
  done = true;
  await sampler;
  return delays;
}

const { runs, burst } = parseArgs(process.argv.slice(2));
const baseline = await timed(runs, onePage);
const intake = await timed(runs, () => renderDocument(sampleIntakeForm));
const pool = new PdfPool();
await Promise.all(Array.from({ length: 4 }, () => pool.render(sampleIntakeForm))); // threads warm
const viaPool = await timed(runs, () => pool.render(sampleIntakeForm));
const burstOf = (render: () => Promise<unknown>) => () => Promise.all(Array.from({ length: burst }, render));
const idle = await loopDelay(null);
const onPool = await loopDelay(burstOf(() => pool.render(sampleIntakeForm)));
const inProcess = await loopDelay(burstOf(() => renderDocument(sampleIntakeForm)));
await pool.close();

console.log(`PDF documents, ${runs} runs each (Node ${process.version})`);
console.log(
  `  baseline: one-line page, same font   p50 ${ms(pct(baseline, 50))}  p95 ${ms(pct(baseline, 95))}`,
);
console.log(
  `  intake form, in-process              p50 ${ms(pct(intake, 50))}  p95 ${ms(pct(intake, 95))}  (goal p50 ≤ 30 ms)`,
);
console.log(
  `  intake form, through the worker pool p50 ${ms(pct(viaPool, 50))}  p95 ${ms(pct(viaPool, 95))}`,
);
console.log(`Event-loop delay of a 1 ms timer, p99 (${burst} intake forms at once)`);
const idle99 = pct(idle, 99);
console.log(`  idle                                 p99 ${ms(idle99)}  (${idle.length} samples)`);
console.log(
  `  ${burst} PDFs on the worker pool          p99 ${ms(pct(onPool, 99))}  ${(pct(onPool, 99) / Math.max(idle99, 0.1)).toFixed(1)}× idle (goal ≤ 1.5×)`,
);
console.log(
  `  ${burst} PDFs in-process (no pool)        p99 ${ms(pct(inProcess, 99))}  ${(pct(inProcess, 99) / Math.max(idle99, 0.1)).toFixed(1)}× idle`,
);
