/**
 * Wallboard soak: one wallboard page in Chromium receives a clinic day plus ≥ 10,000 display-visible events, as
 * fast as the server takes them; its JS heap and DOM node count are measured (after a forced GC) before and after.
 *
 *   pnpm --filter @clinicflow/bench soak [--events=10000] [--rooms=3] [--sockets=4] [--seed=1] [--layout=both]
 *                                        [--build] [--snapshots=DIR]
 *
 * The server runs as a child process on a temp PGlite database (NODE_ENV=test, DEMO=true). The page is paired as
 * a waiting_room_display through the API and gets its token in localStorage before it loads. The wallboard is
 * built first when apps/wallboard/build is missing (or with --build): the server serves the build it finds at boot.
 * With --snapshots=DIR, heap snapshots at start and end are written there and the largest growth by constructor
 * is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { connect, pairDevice, signIn, trackFlowBoard, waitFor, type ClientSocket } from './client';
import { startServerProcess, type ServerProcess } from '@clinicflow/testing';
import { runClinicDay, type ChurnOptions, type SimResult } from './simulator';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wallboardBuild = join(repoRoot, 'apps/wallboard/build/200.html');
const storageKey = 'clinicflow.wallboard'; // DevicePairing's storageKey in apps/wallboard/src/routes/+page.svelte

function parseArgs(argv: string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const layout = get('layout') ?? 'both';
  if (!['both', 'waiting', 'rooms'].includes(layout))
    throw new Error('--layout must be both, waiting or rooms');
  return {
    events: int('events', 10_000, 1, 1_000_000),
    rooms: int('rooms', 3, 1, 4),
    sockets: int('sockets', 4, 1, 16),
    seed: int('seed', 1, 0, 2 ** 31),
    layout,
    build: argv.includes('--build'),
    snapshots: get('snapshots') ?? null,
  };
}

type Measure = {
  heapMb: number;
  domNodes: number;
  elements: number;
  listeners: number;
  documents: number;
};

async function measure(page: Page, cdp: CDPSession, gc: boolean): Promise<Measure> {
  if (gc) {
    // Twice: the first pass may only queue finalizers that free more on the second.
    for (let i = 0; i < 2; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
    }
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const counters = await cdp.send('Memory.getDOMCounters');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return {
    heapMb: Math.round((metric('JSHeapUsedSize') / 1024 / 1024) * 100) / 100,
    domNodes: counters.nodes,
    elements,
    listeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}

/** Writes a heap snapshot (for DevTools → Memory → Load) and returns its path. */
async function heapSnapshot(cdp: CDPSession, dir: string, name: string): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.heapsnapshot`);
  await writeFile(file, chunks.join(''));
  return file;
}

type HeapSummary = Map<string, { count: number; size: number }>;

/** Objects per constructor name (count, self size) in a V8 heap snapshot. */
function summarizeSnapshot(json: string): HeapSummary {
  const snap = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snap.snapshot.meta.node_types[0];
  const out: HeapSummary = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name =
      type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]!]! : `(${type})`;
    const key = type === 'closure' ? `closure ${name}` : name;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snap.nodes[i + sizeAt]!;
    out.set(key, entry);
  }
  return out;
}

function printSnapshotDiff(start: HeapSummary, end: HeapSummary) {
  const rows = [...end.entries()]
    .map(([name, e]) => {
      const s = start.get(name) ?? { count: 0, size: 0 };
      return { name, count: e.count - s.count, size: e.size - s.size, endCount: e.count };
    })
    .filter((r) => r.size > 0)
    .sort((a, b) => b.size - a.size)
    .slice(0, 15);
  console.log('heap growth by constructor (top 15 by self size):');
  for (const r of rows)
    console.log(
      `  ${r.name.slice(0, 50).padEnd(50)} ${String(r.count).padStart(8)} objects ${(r.size / 1024).toFixed(1).padStart(9)} KB  (now ${r.endCount})`,
    );
}

const pct = (start: number, end: number) => Math.round(((end - start) / start) * 1000) / 10;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync(wallboardBuild)) {
    console.log('building the wallboard (pnpm --filter @clinicflow/wallboard build)…');
    const built = spawnSync('pnpm', ['--filter', '@clinicflow/wallboard', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('wallboard build failed');
  }

  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  let marker: ClientSocket | null = null;
  const controller = new AbortController();
  const interrupt = () => {
    controller.abort();
    void browser?.close();
    void server?.stop();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    server = await startServerProcess({ env: { LOG_LEVEL: 'warn' } });
    console.log(`server pid ${server.pid} on ${server.url}`);
    const url = server.url;
    const admin = await signIn(url, 'admin');
    const display = await pairDevice(url, admin, 'waiting_room_display', 'Soak wallboard', 'Waiting room');

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // The token as DevicePairing keeps it, in place before the app's first script runs.
    await context.addInitScript(({ key, token }) => localStorage.setItem(`${key}.token`, token), {
      key: storageKey,
      token: display.token,
    });
    // The highest seq the page has received over its socket, to know when it has caught up (one number kept).
    await context.addInitScript(() => {
      const w = window as unknown as { __soakSeq: number };
      w.__soakSeq = 0;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          this.addEventListener('message', (e) => {
            if (typeof e.data !== 'string' || !e.data.startsWith('42["event"')) return;
            const seq = Number(/"seq":(\d+)/.exec(e.data)?.[1] ?? 0);
            if (seq > w.__soakSeq) w.__soakSeq = seq;
          });
        }
      };
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto(`${url}/wallboard/?layout=${options.layout}`);
    await page.waitForSelector('[data-testid="connection-badge"][data-state="live"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="room-tile"]', { timeout: 30_000 });
    await page.waitForTimeout(3000); // fonts, first clock tick, pairing status check
    const start = await measure(page, cdp, true);
    console.log(
      `wallboard live: heap ${start.heapMb} MB, ${start.domNodes} DOM nodes (${start.elements} elements), ${start.listeners} listeners`,
    );
    const snapStart = options.snapshots ? await heapSnapshot(cdp, options.snapshots, 'start') : null;

    // The load, in two phases. 1: the demo clinic day at 1000× (every visit called, seen, checked out: every code
    // path of the board runs once). 2: room toggles on set-aside rooms over several console sockets, as fast as
    // the server takes them. The heap is measured (after GC) before, between and after, so one-time warm-up (JIT
    // code, first call banner, audio) is told apart from growth per event.
    const samples: { t: number; events: number; heapMb: number; domNodes: number }[] = [];
    const driveStart = performance.now();
    let lastSample = 0;
    let sampling: Promise<void> = Promise.resolve();
    let eventsBefore = 0;
    const drive = async (phase: string, churn: ChurnOptions | undefined): Promise<SimResult> => {
      const result = await runClinicDay({
        url,
        speed: 1000,
        seed: options.seed,
        churn,
        signal: controller.signal,
        progressMs: 1000,
        onProgress: (p) => {
          const t = performance.now() - driveStart;
          const events = eventsBefore + p.displayEvents;
          const line = `  ${(t / 1000).toFixed(0).padStart(4)} s  ${phase}  sim ${p.clock}  display events ${String(events).padStart(6)}  visits done ${p.done}/${p.total}   `;
          if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
          if (t - lastSample >= 10_000) {
            if (!process.stdout.isTTY) console.log(line);
            lastSample = t;
            sampling = sampling
              .then(() => measure(page, cdp, false))
              .then((m) => void samples.push({ t, events, heapMb: m.heapMb, domNodes: m.domNodes }))
              .catch(() => {});
          }
        },
        log: (line) => process.stdout.write(`\n  ${line}\n`),
      });
      await sampling;
      process.stdout.write('\n');
      if (result.interrupted) throw new Error('interrupted');
      eventsBefore += result.events.display_visible;
      return result;
    };
    const day = await drive('day', undefined);
    await page.waitForTimeout(3000);
    const warm = await measure(page, cdp, true);
    console.log(
      `after the clinic day (${day.events.display_visible} display events): heap ${warm.heapMb} MB, ${warm.domNodes} DOM nodes (${warm.elements} elements), ${warm.listeners} listeners`,
    );
    const snapWarm = options.snapshots ? await heapSnapshot(cdp, options.snapshots, 'warm') : null;
    const churn = await drive('churn', {
      rooms: options.rooms,
      sockets: options.sockets,
      events: options.events,
    });
    const driveMs = performance.now() - driveStart;

    // Catch-up marker: one last visible change; the page has caught up when it has received it and shows it.
    const coordinator = await signIn(url, 'coordinator');
    marker = await connect(url, { view: 'flowBoard', cookie: coordinator });
    const flow = trackFlowBoard(marker);
    await waitFor(() => flow.board !== null, 'marker console snapshot', 30_000);
    const room = Object.values(flow.board!.rooms).find((r) => r.status === 'available')!;
    const catchStart = performance.now();
    const sent = await marker.timeout(10_000).emitWithAck('command', {
      commandId: crypto.randomUUID(),
      type: 'TakeRoomOutOfService',
      roomId: room.id,
      version: room.version,
    });
    if (!sent.ok) throw new Error(`marker refused: ${sent.message}`);
    await page.waitForFunction(
      (seq) => (window as unknown as { __soakSeq: number }).__soakSeq >= seq,
      sent.seq,
      {
        timeout: 120_000,
        polling: 50,
      },
    );
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="room-tile"]')].some(
          (t) =>
            (t.getAttribute('data-room-name') ?? t.textContent ?? '').includes(name) &&
            t.getAttribute('data-status') === 'out_of_service',
        ),
      room.name,
      { timeout: 30_000, polling: 50 },
    );
    const catchUpMs = performance.now() - catchStart;
    await marker.timeout(10_000).emitWithAck('command', {
      commandId: crypto.randomUUID(),
      type: 'ReturnRoomToService',
      roomId: room.id,
      version: room.version + 1,
    });
    await page.waitForTimeout(3000); // let transitions and the banner timer settle, as at the start
    const end = await measure(page, cdp, true);
    let snapEnd: string | null = null;
    if (options.snapshots) snapEnd = await heapSnapshot(cdp, options.snapshots, 'end');
    const stillLive = await page.locator('[data-testid="connection-badge"][data-state="live"]').count();

    const events = day.events.display_visible + churn.events.display_visible + 2;
    const mix: Record<string, number> = { ...day.events.by_type };
    for (const [k, v] of Object.entries(churn.events.by_type)) mix[k] = (mix[k] ?? 0) + v;
    const row = (label: string, f: (m: Measure) => number) => [
      label,
      f(start),
      f(warm),
      f(end),
      `${pct(f(start), f(end))} %`,
      `${pct(f(warm), f(end))} %`,
    ];
    const rows = [
      ['', 'start', 'after day', 'end', 'growth', 'growth after day'],
      row('JS heap used (MB, after GC)', (m) => m.heapMb),
      row('DOM nodes (after GC)', (m) => m.domNodes),
      row('elements in the document', (m) => m.elements),
      row('JS event listeners', (m) => m.listeners),
    ].map((r) => r.map(String));
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    console.log('');
    for (const r of rows)
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    console.log(
      `\n${events} display-visible events (${day.events.display_visible} from the clinic day, ${churn.churn?.events ?? 0} room toggles, 2 marker) in ${(driveMs / 1000).toFixed(1)} s = ${Math.round(events / (driveMs / 1000))}/s; page caught up ${Math.round(catchUpMs)} ms after the last event; still live: ${stillLive > 0}; page errors: ${pageErrors.length}`,
    );
    if (samples.length)
      console.log(
        `during the run (no GC): ${samples.map((s) => `${(s.t / 1000).toFixed(0)} s: ${s.heapMb} MB/${s.domNodes} nodes`).join(', ')}`,
      );
    for (const e of pageErrors.slice(0, 5)) console.log(`  page error: ${e}`);
    if (snapStart && snapWarm && snapEnd) {
      const { readFile } = await import('node:fs/promises');
      const [a, b, c] = await Promise.all([snapStart, snapWarm, snapEnd].map((f) => readFile(f, 'utf8')));
      console.log('\nstart → after day:');
      printSnapshotDiff(summarizeSnapshot(a!), summarizeSnapshot(b!));
      console.log('\nafter day → end (10,000 toggles):');
      printSnapshotDiff(summarizeSnapshot(b!), summarizeSnapshot(c!));
      console.log(`snapshots in ${options.snapshots} (load two in DevTools → Memory → Comparison)`);
    }
    const result = {
      name: 'wallboard-soak',
      events,
      duration_s: Math.round(driveMs / 100) / 10,
      events_per_s: Math.round(events / (driveMs / 1000)),
      catch_up_ms: Math.round(catchUpMs),
      heap_mb_start: start.heapMb,
      heap_mb_end: end.heapMb,
      heap_growth_pct: pct(start.heapMb, end.heapMb),
      dom_nodes_start: start.domNodes,
      dom_nodes_end: end.domNodes,
      dom_growth_pct: pct(start.domNodes, end.domNodes),
      heap_mb_after_day: warm.heapMb,
      heap_growth_after_day_pct: pct(warm.heapMb, end.heapMb),
      dom_nodes_after_day: warm.domNodes,
      dom_growth_after_day_pct: pct(warm.domNodes, end.domNodes),
      listeners: [start.listeners, warm.listeners, end.listeners],
      page_errors: pageErrors.length,
      event_mix: mix,
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    marker?.disconnect();
    await browser?.close().catch(() => {});
    await server?.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
