/**
 * Command latency: drives a clinic day through the real server, as its clients do, and measures
 *   ack      emit → ack (validated, committed, answered); booking an appointment for tomorrow too
 *   fan-out  emit → the command's display-visible events have all arrived on a wallboard socket
 *
 *   pnpm --filter @clinicflow/bench command-latency [--database=pglite|postgres] [--visits=30] [--rounds=1] [--parallel=5]
 *
 * Setup signs in as admin (pairs the bench's kiosks and a waiting-room display) and as coordinator (console).
 * postgres uses DATABASE_URL or TEST_DATABASE_URL (a fresh, empty database: the demo day is seeded on boot).
 */
import { performance } from 'node:perf_hooks';
import { isDisplayVisible } from '@clinicflow/domain';
import type { CommandResult, FindSlotResult } from '@clinicflow/contracts';
import {
  api,
  connect,
  demoPatients,
  pairDevice,
  signIn,
  trackFlowBoard,
  waitFor,
  type ClientSocket,
} from './client';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';

type CommandName =
  | 'CheckInPatient'
  | 'SendToWaitingRoom'
  | 'CallPatient'
  | 'MarkPatientInRoom'
  | 'CheckOutPatient'
  | 'MarkRoomCleaned'
  | 'BookAppointment';
/** `findAppointment` is the kiosk's lookup before a check-in: timed, but not a command. */
type Sample = {
  type: CommandName | 'findAppointment';
  phase: 'serial' | 'parallel' | 'booking';
  ackMs: number;
  fanoutMs: number | null;
};

const WAIT_MS = 10_000;

function parseArgs(argv: string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const database = get('database') ?? 'pglite';
  if (database !== 'pglite' && database !== 'postgres')
    throw new Error('--database must be pglite or postgres');
  const databaseUrl =
    database === 'postgres' ? (process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null) : null;
  if (database === 'postgres' && !databaseUrl)
    throw new Error('--database=postgres needs DATABASE_URL or TEST_DATABASE_URL');
  const rounds = int('rounds', 1, 1, 20);
  // Re-seeding needs an empty database: PGlite gets a fresh temp dir per round, a Postgres URL cannot.
  if (database === 'postgres' && rounds > 1)
    throw new Error('--rounds > 1 needs a fresh database per round; use pglite');
  return {
    database,
    databaseUrl,
    rounds,
    visits: int('visits', 30, 1, 30),
    parallel: int('parallel', 5, 0, 10),
  } as const;
}

/** When each seq arrived on the wallboard socket. */
function trackArrivals(socket: ClientSocket) {
  const arrivals = new Map<number, number>();
  socket.on('event', (e) => void (arrivals.has(e.seq) || arrivals.set(e.seq, performance.now())));
  return arrivals;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round1 = (n: number) => Math.round(n * 10) / 10;
function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round1(percentile(s, 50)),
    p95: round1(percentile(s, 95)),
    p99: round1(percentile(s, 99)),
    max: round1(s.at(-1) ?? NaN),
  };
}

type RoundResult = { samples: Sample[]; serialMs: number; serialCommands: number };

async function runRound(server: ServerProcess, options: ReturnType<typeof parseArgs>): Promise<RoundResult> {
  const sockets: ClientSocket[] = [];
  try {
    // Setup (not timed): an admin pairs the bench's kiosks and wallboard; a coordinator runs the console.
    const admin = await signIn(server.url, 'admin');
    const coordinator = await signIn(server.url, 'coordinator');
    const parallelKiosks = Math.min(options.parallel, 30 - options.visits);
    const [displayDevice, kioskDevice, ...parallelDevices] = await Promise.all([
      pairDevice(server.url, admin, 'waiting_room_display', 'Bench wallboard'),
      pairDevice(server.url, admin, 'kiosk', 'Bench kiosk'),
      ...Array.from({ length: parallelKiosks }, (_, i) =>
        pairDevice(server.url, admin, 'kiosk', `Bench kiosk ${i + 2}`),
      ),
    ]);
    const consoleSocket = await connect(server.url, { view: 'flowBoard', cookie: coordinator });
    sockets.push(consoleSocket);
    const flow = trackFlowBoard(consoleSocket, { keepEvents: true });
    const display = await connect(server.url, { view: 'displayBoard', deviceToken: displayDevice!.token });
    sockets.push(display);
    const arrivals = trackArrivals(display);
    const kiosk = await connect(server.url, { view: 'kiosk', deviceToken: kioskDevice!.token });
    sockets.push(kiosk);
    await waitFor(() => flow.board !== null, 'console snapshot', 30_000);

    const patients = await demoPatients(server.url, coordinator);
    const booked = patients.filter((p) => p.status === 'booked');
    if (!booked.length) throw new Error('no booked visits today: is DEMO on and the database fresh?');

    const samples: Sample[] = [];
    const board = () => flow.board!;

    /** The kiosk's lookup by last name and date of birth: the server lets a kiosk check in only what it found. */
    const lookUp = async (socket: ClientSocket, patient: (typeof booked)[number], phase: Sample['phase']) => {
      const t0 = performance.now();
      const found = await socket
        .timeout(WAIT_MS)
        .emitWithAck('findAppointment', { lastName: patient.lastName, dateOfBirth: patient.dateOfBirth });
      samples.push({ type: 'findAppointment', phase, ackMs: performance.now() - t0, fanoutMs: null });
      if (!found.ok || found.match.visitId !== patient.visitId)
        throw new Error(`kiosk lookup for ${patient.visitId}: ${JSON.stringify(found)}`);
      return performance.now() - t0;
    };

    /** Sends one command, waits for its ack, for the console to catch up, and for its display events. */
    const send = async (socket: ClientSocket, type: CommandName, fields: object, phase: Sample['phase']) => {
      const before = flow.seq;
      const t0 = performance.now();
      const result: CommandResult = await socket
        .timeout(WAIT_MS)
        .emitWithAck('command', { commandId: crypto.randomUUID(), type, ...fields });
      const ackMs = performance.now() - t0;
      if (!result.ok) throw new Error(`${type} refused: ${result.code} ${result.message}`);
      const seq = result.seq;
      await waitFor(() => flow.seq >= seq, `console event ${seq} for ${type}`);
      let fanoutMs: number | null = null;
      if (phase === 'serial') {
        // Serial phase: exactly the events (before, seq] are this command's.
        const visible: number[] = [];
        for (let s = before + 1; s <= seq; s++) if (isDisplayVisible(flow.events.get(s)!)) visible.push(s);
        if (visible.length) {
          await waitFor(() => visible.every((s) => arrivals.has(s)), `display events for ${type}`);
          fanoutMs = Math.max(...visible.map((s) => arrivals.get(s)!)) - t0;
        }
      }
      const sample: Sample = { type, phase, ackMs, fanoutMs };
      samples.push(sample);
      return { sample, t0 };
    };

    const serialVisits = booked.slice(0, options.visits);
    const serialStart = performance.now();
    let lookupMs = 0;
    for (const patient of serialVisits) {
      const visitId = patient.visitId;
      lookupMs += await lookUp(kiosk, patient, 'serial');
      await send(kiosk, 'CheckInPatient', { visitId }, 'serial');
      // With intake forms due, the visit stays `arrived`; the bench does not fill forms: the desk sends it on.
      if (board().visits[visitId]!.status === 'arrived')
        await send(
          consoleSocket,
          'SendToWaitingRoom',
          { visitId, version: board().visits[visitId]!.version },
          'serial',
        );
      const room = Object.values(board().rooms).find((r) => r.status === 'available');
      if (!room) throw new Error('no available room');
      await send(
        consoleSocket,
        'CallPatient',
        { visitId, roomId: room.id, version: board().visits[visitId]!.version },
        'serial',
      );
      await send(
        consoleSocket,
        'MarkPatientInRoom',
        { visitId, version: board().visits[visitId]!.version },
        'serial',
      );
      await send(
        consoleSocket,
        'CheckOutPatient',
        { visitId, version: board().visits[visitId]!.version },
        'serial',
      );
      await send(
        consoleSocket,
        'MarkRoomCleaned',
        { roomId: room.id, version: board().rooms[room.id]!.version },
        'serial',
      );
    }
    // commands/s counts the commands only; the kiosk lookups are reported on their own line.
    const serialMs = performance.now() - serialStart - lookupMs;

    // Booking phase: the coordinator books each of these patients again for tomorrow, one after another, at
    // distinct times (a real desk on the phone); every booking goes through the exclusion constraints.
    // The times come from find-slot beforehand (untimed): a day ahead, inside each provider's working hours.
    const freeTimes = new Map<string, { startsAt: string; endsAt: string }[]>();
    for (const providerId of new Set(serialVisits.map((p) => board().visits[p.visitId]!.providerId!))) {
      const query = new URLSearchParams({
        providerId,
        durationMinutes: '30',
        minNoticeMinutes: '1440',
        days: '14',
        count: '20', // 20 quarter-hour offers: several half-hour bookings per provider
      });
      const found = await api(server.url, 'GET', `/api/schedule/find-slot?${query}`, { cookie: coordinator });
      freeTimes.set(providerId, (found.body as FindSlotResult).slots);
    }
    for (const p of serialVisits) {
      const visit = board().visits[p.visitId]!;
      // find-slot offers every quarter hour: each booking takes the first offer after the previous one ends.
      const offers = freeTimes.get(visit.providerId!)!;
      const slot = offers.shift();
      if (slot)
        freeTimes.set(
          visit.providerId!,
          offers.filter((o) => o.startsAt >= slot.endsAt),
        );
      if (!slot) throw new Error('find-slot offered too few free times for the booking phase');
      await send(
        consoleSocket,
        'BookAppointment',
        {
          patientId: visit.patientId,
          providerId: visit.providerId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        },
        'booking',
      );
    }

    // Parallel phase: several kiosks check patients in at once (only with booked visits left over).
    const left = booked.slice(options.visits, options.visits + options.parallel);
    if (left.length) {
      const kiosks = await Promise.all(
        parallelDevices.map((d) => connect(server.url, { view: 'kiosk', deviceToken: d.token })),
      );
      sockets.push(...kiosks);
      await Promise.all(left.map((patient, i) => lookUp(kiosks[i]!, patient, 'parallel')));
      const sent = await Promise.all(
        left.map((p, i) => send(kiosks[i]!, 'CheckInPatient', { visitId: p.visitId }, 'parallel')),
      );
      // Events interleave, so attribute by visit: the display's first update about this visit (none while its
      // intake is pending).
      const waitingSeq = (visitId: string) =>
        [...flow.events.entries()].find(
          ([, e]) => isDisplayVisible(e) && 'visit' in e.payload && e.payload.visit.id === visitId,
        )?.[0];
      for (const [i, { visitId }] of left.entries()) {
        const seq = waitingSeq(visitId);
        if (seq === undefined) continue;
        await waitFor(() => arrivals.has(seq), `display event ${seq}`);
        sent[i]!.sample.fanoutMs = arrivals.get(seq)! - sent[i]!.t0;
      }
    }
    const serialCommands = samples.filter((s) => s.phase === 'serial' && s.type !== 'findAppointment').length;
    return { samples, serialMs, serialCommands };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

function printTable(samples: Sample[]) {
  const rows: string[][] = [
    ['command', 'n', 'ack p50', 'ack p95', 'ack max', 'fan-out p50', 'fan-out p95', 'fan-out max'],
  ];
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = s.phase === 'parallel' ? `${s.type} (parallel)` : s.type;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  groups.set(
    'all serial commands',
    samples.filter((s) => s.phase === 'serial' && s.type !== 'findAppointment'),
  );
  for (const [name, group] of groups) {
    if (!group.length) continue;
    const a = stats(group.map((s) => s.ackMs));
    const f = stats(group.flatMap((s) => (s.fanoutMs === null ? [] : [s.fanoutMs])));
    rows.push([
      name,
      String(a.n),
      ...[a.p50, a.p95, a.max, f.p50, f.p95, f.max].map((n) => (Number.isNaN(n) ? '-' : n.toFixed(1))),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log(
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    '(milliseconds; fan-out = emit → last display-visible event of the command on the wallboard socket)',
  );
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const samples: Sample[] = [];
  let serialMs = 0;
  let serialCommands = 0;
  let rss: number | null = null;
  let server: ServerProcess | null = null;
  let interrupted = false;
  // Ctrl-C: stop the server now; the round then fails fast and main's finally awaits the same stop.
  const interrupt = () => {
    interrupted = true;
    void server?.stop();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    for (let r = 0; r < options.rounds; r++) {
      const bootStart = performance.now();
      if (interrupted) break;
      server = await startServerProcess({ databaseUrl: options.databaseUrl, env: { LOG_LEVEL: 'warn' } });
      if (interrupted) break;
      console.log(
        `round ${r + 1}/${options.rounds}: server pid ${server.pid} on ${server.url} (${options.database}), healthy after ${Math.round(performance.now() - bootStart)} ms`,
      );
      const result = await runRound(server, options);
      samples.push(...result.samples);
      serialMs += result.serialMs;
      serialCommands += result.serialCommands;
      if (r === options.rounds - 1) rss = await server.rssMb();
      await server.stop();
      server = null;
    }
  } finally {
    await server?.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  if (interrupted) throw new Error('interrupted');

  console.log('');
  printTable(samples);
  const isCommand = (s: Sample) => s.type !== 'findAppointment';
  const serial = samples.filter((s) => s.phase === 'serial' && isCommand(s));
  const ack = stats(serial.map((s) => s.ackMs));
  const fanout = stats(serial.flatMap((s) => (s.fanoutMs === null ? [] : [s.fanoutMs])));
  const lookup = stats(samples.filter((s) => s.phase === 'serial' && !isCommand(s)).map((s) => s.ackMs));
  const parallel = samples.filter((s) => s.phase === 'parallel' && isCommand(s));
  const commandsPerS = round1(serialCommands / (serialMs / 1000));
  console.log(
    `\n${serialCommands} serial commands in ${(serialMs / 1000).toFixed(2)} s = ${commandsPerS} commands/s (one client at a time, each waiting for its events); server RSS ${rss ?? '?'} MB`,
  );
  const result = {
    name: 'command-latency',
    database: options.database,
    commands: serialCommands,
    rounds: options.rounds,
    ack_ms: { p50: ack.p50, p95: ack.p95, p99: ack.p99, max: ack.max },
    fanout_ms: { p50: fanout.p50, p95: fanout.p95, max: fanout.max },
    commands_per_s: commandsPerS,
    kiosk_lookup_ms: { p50: lookup.p50, p95: lookup.p95, max: lookup.max },
    rss_mb_server: rss,
    ...(parallel.length
      ? {
          parallel_checkin: {
            kiosks: parallel.length / options.rounds,
            ack_ms: (({ p50, max }) => ({ p50, max }))(stats(parallel.map((s) => s.ackMs))),
            fanout_ms: (({ p50, max }) => ({ p50, max }))(
              stats(parallel.flatMap((s) => (s.fanoutMs === null ? [] : [s.fanoutMs]))),
            ),
          },
        }
      : {}),
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
