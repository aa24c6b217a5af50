/**
 * Command latency: drives a clinic day through the real server, as its clients do, and measures
 *   ack      emit → ack (validated, committed, answered)
 *   fan-out  emit → the command's display-visible events have all arrived on a wallboard socket
 *
 *   pnpm --filter @clinicflow/bench command-latency [--database=pglite|postgres] [--visits=30] [--rounds=1] [--parallel=5]
 *
 * postgres uses DATABASE_URL or TEST_DATABASE_URL (a fresh, empty database: the demo day is seeded on boot).
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  applyFlowBoardEvent,
  isDisplayVisible,
  type DomainEvent,
  type EventEnvelope,
  type FlowBoard,
} from '@clinicflow/domain';
import type {
  ClientToServerEvents,
  CommandResult,
  ServerToClientEvents,
  SyncMessage,
  View,
} from '@clinicflow/contracts';
import { startServer, type ServerProcess } from './server-process';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type CommandName =
  'CheckInPatient' | 'CallPatient' | 'MarkPatientInRoom' | 'CheckOutPatient' | 'MarkRoomCleaned';
type Sample = { type: CommandName; phase: 'serial' | 'parallel'; ackMs: number; fanoutMs: number | null };

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(predicate: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(1);
  }
}

async function connect(url: string, view: View): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: { view, lastSeq: null },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${view} socket did not connect`)), WAIT_MS);
    socket.once('connect', () => (clearTimeout(timer), resolve()));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  return socket;
}

/** The console's flow board, kept as a client keeps it: the sync snapshot, then events applied in seq order. */
function trackFlowBoard(socket: ClientSocket) {
  const state = {
    board: null as FlowBoard | null,
    seq: 0,
    events: new Map<number, DomainEvent>(),
    early: [] as EventEnvelope<DomainEvent>[],
  };
  const apply = (e: EventEnvelope<DomainEvent>) => {
    if (!state.board || e.seq <= state.seq) return;
    if (e.prev !== state.seq) throw new Error(`console missed events: at ${state.seq}, got prev ${e.prev}`);
    state.board = applyFlowBoardEvent(state.board, e);
    state.seq = e.seq;
    state.events.set(e.seq, e);
  };
  socket.on('sync', (message) => {
    const m = message as SyncMessage<'flowBoard'>;
    if (m.kind !== 'snapshot') throw new Error('expected a snapshot for a fresh console');
    state.board = m.state;
    state.seq = m.seq;
    for (const e of state.early.splice(0)) apply(e);
  });
  socket.on('event', (e) => {
    const event = e as EventEnvelope<DomainEvent>;
    if (!state.board) state.early.push(event);
    else apply(event);
  });
  return state;
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
    const consoleSocket = await connect(server.url, 'flowBoard');
    sockets.push(consoleSocket);
    const flow = trackFlowBoard(consoleSocket);
    const display = await connect(server.url, 'displayBoard');
    sockets.push(display);
    const arrivals = trackArrivals(display);
    const kiosk = await connect(server.url, 'kiosk');
    sockets.push(kiosk);
    await waitFor(() => flow.board !== null, 'console snapshot');

    const res = await fetch(`${server.url}/api/demo/patients`, { signal: AbortSignal.timeout(WAIT_MS) });
    if (!res.ok) throw new Error(`GET /api/demo/patients: ${res.status}`);
    const patients = (await res.json()) as { visitId: string; status: string }[];
    const booked = patients.filter((p) => p.status === 'booked').map((p) => p.visitId);
    if (!booked.length) throw new Error('no booked visits today: is DEMO on and the database fresh?');

    const samples: Sample[] = [];
    const board = () => flow.board!;

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
    for (const visitId of serialVisits) {
      await send(kiosk, 'CheckInPatient', { visitId }, 'serial');
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
    const serialMs = performance.now() - serialStart;

    // Parallel phase: several kiosks check patients in at once (only with booked visits left over).
    const left = booked.slice(options.visits, options.visits + options.parallel);
    if (left.length) {
      const kiosks = await Promise.all(left.map(() => connect(server.url, 'kiosk')));
      sockets.push(...kiosks);
      const sent = await Promise.all(
        left.map((visitId, i) => send(kiosks[i]!, 'CheckInPatient', { visitId }, 'parallel')),
      );
      // Events interleave, so attribute by visit: the display's update that shows this visit waiting.
      const waitingSeq = (visitId: string) =>
        [...flow.events.entries()].find(
          ([, e]) =>
            e.type === 'VisitStatusChanged' &&
            e.payload.visit.id === visitId &&
            e.payload.visit.status === 'waiting',
        )?.[0];
      for (const [i, visitId] of left.entries()) {
        const seq = waitingSeq(visitId);
        if (seq === undefined) continue;
        await waitFor(() => arrivals.has(seq), `display event ${seq}`);
        sent[i]!.sample.fanoutMs = arrivals.get(seq)! - sent[i]!.t0;
      }
    }
    return { samples, serialMs, serialCommands: serialVisits.length * 5 };
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
    'all serial',
    samples.filter((s) => s.phase === 'serial'),
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
      server = await startServer({ databaseUrl: options.databaseUrl });
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
  const serial = samples.filter((s) => s.phase === 'serial');
  const ack = stats(serial.map((s) => s.ackMs));
  const fanout = stats(serial.flatMap((s) => (s.fanoutMs === null ? [] : [s.fanoutMs])));
  const parallel = samples.filter((s) => s.phase === 'parallel');
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
