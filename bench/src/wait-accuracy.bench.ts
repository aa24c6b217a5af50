/**
 * Wait-estimate accuracy: simulated clinic days through the real server (a fresh server and demo day each), the
 * first `--warmup` days only feeding the history the model learns from, then `--days` measured days. For every
 * patient who joined the queue and was called, the estimate at the moment they sat down, from the new model and
 * from the old formula on the same picture, against the actual wait (joined → called to a room).
 *
 *   pnpm --filter @clinicflow/bench wait-accuracy [--warmup=3] [--days=3] [--seed=1] [--walk-ins=25] [--speed=500] [--out=FILE]
 */
import { writeFile } from 'node:fs/promises';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';
import { runClinicDay } from './simulator';
import { WaitLog, type ErrorStats, type WaitRecord } from './sim/waits';

function arg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const row = (label: string, s: ErrorStats) =>
  `| ${label.padEnd(34)} | ${String(s.n).padStart(3)} | ${fmt(s.median).padStart(6)} | ${fmt(s.p90).padStart(6)} |`;

async function main() {
  const warmup = arg('warmup', 3);
  const days = Math.max(1, arg('days', 3));
  const seed = arg('seed', 1);
  const walkIns = arg('walk-ins', 25);
  const speed = Math.min(1000, Math.max(1, arg('speed', 500)));
  const log = new WaitLog();
  for (let day = 0; day < warmup + days; day++) {
    const measured = day >= warmup;
    log.startDay(day, measured);
    let server: ServerProcess | null = null;
    try {
      server = await startServerProcess({ env: { LOG_LEVEL: 'warn' }, bootTimeoutMs: 120_000 });
      const r = await runClinicDay({
        url: server.url,
        speed,
        seed: seed * 1000 + day,
        walkIns,
        waits: log,
        log: (l) => console.log(`  ${l}`),
      });
      console.log(
        `day ${day + 1}${measured ? '' : ' (warm-up)'}: ${r.visits.simulated} patients (${r.visits.walk_ins} walk-ins), ${r.visits.checked_out} seen, wait p50 ${fmt(r.wait_min?.p50 ?? NaN)} min; history ${log.samples} visits`,
      );
    } finally {
      await server?.stop();
    }
  }
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
  if (out) await writeFile(out, JSON.stringify(log.records, null, 1));
  const all = log.summary();
  const part = (f: (r: WaitRecord) => boolean) => log.summary(f);
  console.log('\n| absolute error, minutes (estimate at joining vs actual) | n | median | p90 |');
  console.log('| ---------------------------------- | --- | ------ | ------ |');
  console.log(row('new model', all.model));
  console.log(row('old formula (place ÷ rooms × 15)', all.old));
  console.log(row('new model, booked patients', part((r) => !r.walkIn).model));
  console.log(row('new model, walk-ins', part((r) => r.walkIn).model));
  console.log(row('old formula, walk-ins', part((r) => r.walkIn).old));
  const waited = part((r) => r.actual! >= 5);
  console.log(row('new model, waited ≥ 5 min', waited.model));
  console.log(row('old formula, waited ≥ 5 min', waited.old));
  console.log(
    `\nmedian absolute error ${fmt(all.model.median)} min vs ${fmt(all.old.median)} min: ${fmt(all.improvement_pct)} % lower`,
  );
  console.log(
    `goal (median ≤ 5 min and ≥ 30 % below the old formula): ${all.model.median <= 5 && all.improvement_pct >= 30 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `BENCH_RESULT ${JSON.stringify({ name: 'wait-accuracy', seed, speed, warmup_days: warmup, days, walk_ins_per_day: walkIns, n: all.model.n, model_median_min: all.model.median, model_p90_min: all.model.p90, old_median_min: all.old.median, old_p90_min: all.old.p90, improvement_pct: all.improvement_pct })}`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
