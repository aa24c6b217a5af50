/**
 * A clinic day against a running server (or one it starts), for watching the wallboards or loading the server.
 *
 *   pnpm simulate [--url=http://localhost:3000] [--spawn] [--speed=60] [--seed=1] [--close=19:00]
 *                 [--churn-events=0 --churn-rooms=2 --churn-sockets=4] [--quiet]
 *
 * Ctrl-C stops it (sockets closed, its kiosk unpaired); a second Ctrl-C exits at once.
 */
import { runClinicDay, type SimProgress, type SimResult } from './simulator';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';

function parseArgs(argv: string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const has = (name: string) => argv.includes(`--${name}`);
  const num = (name: string, fallback: number, min: number, max: number) => {
    const raw = get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`--${name} must be a number in [${min}, ${max}]`);
    return n;
  };
  const known = [
    'url',
    'spawn',
    'speed',
    'seed',
    'close',
    'churn-events',
    'churn-rooms',
    'churn-sockets',
    'quiet',
  ];
  for (const a of argv) {
    const name = /^--([\w-]+)/.exec(a)?.[1];
    if (!name || !known.includes(name))
      throw new Error(`unknown argument ${a} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  }
  const churnEvents = num('churn-events', 0, 0, 1_000_000);
  return {
    url: get('url') ?? 'http://localhost:3000',
    spawn: has('spawn'),
    speed: num('speed', 60, 1, 1000),
    seed: Math.floor(num('seed', 1, 0, 2 ** 32 - 1)),
    close: get('close'),
    churn:
      churnEvents > 0
        ? {
            events: churnEvents,
            rooms: Math.floor(num('churn-rooms', 2, 1, 5)),
            sockets: Math.floor(num('churn-sockets', 4, 1, 16)),
          }
        : undefined,
    quiet: has('quiet'),
  };
}

function printSummary(r: SimResult) {
  const stats = (s: SimResult['wait_min']) =>
    s ? `mean ${s.mean}, p50 ${s.p50}, p90 ${s.p90}, max ${s.max}` : '-';
  console.log(
    [
      '',
      `Clinic day ${r.sim.start}–${r.sim.end} (${r.sim.minutes} simulated min) in ${r.real_s} s at ${r.speed}×, seed ${r.seed}${r.interrupted ? ' (interrupted)' : ''}`,
      `  visits:   ${r.visits.simulated} simulated (${r.visits.skipped_not_booked} not booked, skipped): ${r.visits.checked_out} checked out, ${r.visits.no_show} no-show, ${r.visits.unfinished} unfinished`,
      `  check-in: ${r.visits.kiosk_checkins} at the kiosk, ${r.visits.desk_checkins} at the desk; ${r.visits.intake_sent_by_desk} with intake forms sent on by the desk`,
      `  waiting:  ${stats(r.wait_min)} (simulated min, checked in → called)`,
      `  in clinic: ${stats(r.in_clinic_min)} (simulated min, arrival → checked out)`,
      `  rooms:    ${r.room_incidents} out-of-service incident(s)`,
      `  commands: ${r.commands} sent, ${r.refused} refused`,
      `  events:   ${r.events.total} (${r.events.display_visible} display-visible): ${Object.entries(
        r.events.by_type,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      ...(r.churn
        ? [
            `  churn:    ${r.churn.events} room toggles on ${r.churn.rooms} rooms over ${r.churn.sockets} sockets in ${r.churn.real_s} s = ${r.churn.per_s}/s`,
          ]
        : []),
    ].join('\n'),
  );
  console.log(`SIM_RESULT ${JSON.stringify(r)}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const controller = new AbortController();
  let server: ServerProcess | null = null;
  let interrupts = 0;
  const interrupt = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nstopping (Ctrl-C again to exit now)…\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  const tty = process.stdout.isTTY;
  const show = (p: SimProgress) => {
    if (options.quiet) return;
    const line = `sim ${p.clock} | waiting ${p.waiting} | in rooms ${p.inRooms} | done ${p.done}/${p.total} | events ${p.events} (${p.displayEvents} display)${options.churn ? ` | churn ${p.churnEvents}` : ''}`;
    if (tty) process.stdout.write(`\r${line.padEnd(100)}`);
    else console.log(line);
  };

  try {
    if (options.spawn) {
      server = await startServerProcess({ env: { LOG_LEVEL: 'warn' } });
      console.log(`started a server (pid ${server.pid}) on ${server.url} with a fresh demo database`);
    }
    const url = server?.url ?? options.url;
    console.log(`simulating a clinic day on ${url} at ${options.speed}× (seed ${options.seed})`);
    const result = await runClinicDay({
      url,
      speed: options.speed,
      seed: options.seed,
      closeAt: options.close,
      churn: options.churn,
      signal: controller.signal,
      onProgress: show,
      progressMs: tty ? 250 : 5000,
      log: (line) => {
        if (options.quiet) return;
        if (tty) process.stdout.write(`\r${' '.repeat(100)}\r${line}\n`);
        else console.log(line);
      },
    });
    if (tty) process.stdout.write('\n');
    printSummary(result);
  } finally {
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
