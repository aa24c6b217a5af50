/**
 * The clinic-day simulator: synthetic patients walk through today's booked demo visits using only the server's
 * public API, the way the kiosk and the console do. Patients arrive around their appointment (early, late, a few
 * not at all), check in at the simulator's own paired kiosk, wait, are called to a free room, go in, see their
 * provider and check out; rooms are cleaned a few minutes later and now and then one goes out of service.
 *
 * Time is simulated: `speed` simulated seconds pass per real second (1 = real time, 1000 = a 10-hour day in 36 s).
 * Everything it sends goes to `url` and nowhere else.
 *
 * Optional churn (for the soak): a few rooms are set aside from the day and toggled out of service and back as
 * fast as the server takes it, spread over several console sockets within the per-socket rate limit. Each toggle
 * is one display-visible RoomStatusChanged.
 */
import { performance } from 'node:perf_hooks';
import type { FlowBoard, Room } from '@clinicflow/domain';
import {
  api,
  connect,
  demoPatients,
  pairDevice,
  revokeDevice,
  signIn,
  sleep,
  trackFlowBoard,
  waitFor,
  type ClientSocket,
} from './client';
import { clamp, createRng } from './rng';
import { donePhases, patientsOf, SimClock } from './sim/clinic-day';
import { progressOf, resultOf, Tally, type SimProgress, type SimResult } from './sim/report';
import {
  WAIT_MS,
  scheduleRoomUpkeep,
  schedulePatients,
  staff,
  startChurn,
  type Churn,
  type Sim,
} from './sim/actors';
import type { WaitLog } from './sim/waits';
import { scheduleWalkIns } from './sim/walk-ins';

export type { SimProgress, SimResult } from './sim/report';

export type ChurnOptions = {
  /** Rooms set aside from the day and toggled; each is driven serially (a room's version is known only after its ack). */
  rooms: number;
  /** Console sockets the toggles are spread over. */
  sockets: number;
  /** Stop after this many toggles (each is one display-visible event). */
  events: number;
  /** Commands per second per socket; the server drops a socket above 50/s sustained. */
  perSocketPerS?: number;
};

export type ClinicDayOptions = {
  url: string;
  /** Simulated seconds per real second, 1..1000. */
  speed: number;
  seed: number;
  /** The day ends when every patient is done, or at this clinic-local time (HH:MM) at the latest. */
  closeAt?: string;
  churn?: ChurnOptions;
  /** Patients without an appointment who register at the kiosk during the day (default none). */
  walkIns?: number;
  /** Records estimate vs actual wait for every patient (the wait-accuracy bench). */
  waits?: WaitLog;
  signal?: AbortSignal;
  /** Called about every `progressMs` real milliseconds, and once at the end. */
  onProgress?: (progress: SimProgress) => void;
  progressMs?: number;
  /** Notable happenings (refusals, incidents); silent when omitted. */
  log?: (line: string) => void;
};

const KEEP_ALIVE_MS = 5 * 60_000;

function checkUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`--url must be http(s): ${url}`);
  return parsed.origin;
}

/** The rooms set aside for churn (from the end of the list, free ones only); the rest serve the day. */
function splitRooms(board: FlowBoard, churnRooms: number): { churn: Room[]; day: string[] } {
  const byName = Object.values(board.rooms).sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { numeric: true }),
  );
  const churn: Room[] = [];
  for (const r of [...byName].reverse()) {
    if (churn.length >= churnRooms) break;
    if (r.status === 'available' || r.status === 'out_of_service') churn.push(r);
  }
  if (churn.length < churnRooms) throw new Error('not enough free rooms to set aside for churn');
  if (churnRooms > 0 && churn.length >= byName.length)
    throw new Error('churn would leave no room for the day');
  const reserved = new Set(churn.map((r) => r.id));
  return { churn, day: byName.filter((r) => !reserved.has(r.id)).map((r) => r.id) };
}

export async function runClinicDay(options: ClinicDayOptions): Promise<SimResult> {
  const url = checkUrl(options.url);
  const { speed, seed, signal } = options;
  if (!(speed >= 1 && speed <= 1000)) throw new Error('speed must be in [1, 1000]');
  const log = options.log ?? (() => {});
  const rng = createRng(seed);
  const realStart = performance.now();

  const sockets: ClientSocket[] = [];
  let closing = false;
  let fatal: Error | null = null;
  let kioskDeviceId: string | null = null;
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  const watch = (socket: ClientSocket, what: string) => {
    socket.on('disconnect', (reason) => {
      if (!closing) fatal ??= new Error(`${what} socket disconnected (${reason})`);
    });
    socket.on('sessionEnded', (reason) => void (fatal ??= new Error(`staff session ended: ${reason}`)));
    socket.on('deviceRevoked', () => void (fatal ??= new Error(`${what} was unpaired by an admin`)));
  };

  try {
    // Sign in: an admin pairs the simulator's own kiosk; a coordinator does the console's part.
    const admin = await signIn(url, 'admin');
    const coordinator = await signIn(url, 'coordinator');
    const kioskDevice = await pairDevice(url, admin, 'kiosk', `Simulator kiosk (seed ${seed})`, 'Simulator');
    kioskDeviceId = kioskDevice.deviceId;
    // Socket commands count as activity; this covers quiet stretches of a real-time (speed 1) day.
    keepAlive = setInterval(
      () => void api(url, 'POST', '/api/auth/keep-alive', { cookie: coordinator }).catch(() => {}),
      KEEP_ALIVE_MS,
    );

    const consoleSocket = await connect(url, { view: 'flowBoard', cookie: coordinator });
    sockets.push(consoleSocket);
    watch(consoleSocket, 'console');
    const flow = trackFlowBoard(consoleSocket);
    const kiosk = await connect(url, { view: 'kiosk', deviceToken: kioskDevice.token });
    sockets.push(kiosk);
    watch(kiosk, 'kiosk');
    await waitFor(() => flow.board !== null, 'console snapshot', 30_000);
    const board = (): FlowBoard => flow.board!;

    const tally = new Tally();
    flow.onEvent = tally.event;

    const roster = await demoPatients(url, coordinator);
    const patients = patientsOf(roster, board());
    if (!patients.length)
      log('no booked visits today (the demo day was used already?): only rooms are simulated');
    const rooms = splitRooms(board(), options.churn?.rooms ?? 0);
    const clock = new SimClock({
      patients,
      timeZone: board().clinic.timezone,
      speed,
      closeAt: options.closeAt,
      realStart,
    });

    const sim: Sim = {
      clock,
      rng,
      tally,
      log,
      patients,
      dayRooms: rooms.day,
      roomBusy: new Set(),
      board,
      seq: () => flow.seq,
      consoleSocket,
      kiosk,
      waits: options.waits ?? null,
    };
    schedulePatients(sim);
    scheduleWalkIns(sim, options.walkIns ?? 0);
    const { dispatch, seeProviders } = staff(sim);
    scheduleRoomUpkeep(sim);

    let churn: Churn | null = null;
    if (options.churn) {
      const pool = await Promise.all(
        Array.from({ length: options.churn.sockets }, () =>
          connect(url, { view: 'flowBoard', cookie: coordinator }),
        ),
      );
      for (const s of pool) {
        sockets.push(s);
        watch(s, 'churn console');
        // These sockets only send; they get the sync snapshot and every event like any console, and drop them.
      }
      churn = startChurn(sim, {
        rooms: rooms.churn,
        pool,
        events: options.churn.events,
        perSocketPerS: options.churn.perSocketPerS,
        aborted: () => !!signal?.aborted,
        failed: () => fatal !== null,
        onFailure: (error) => void (fatal ??= error),
      });
    }

    // --- The day ----------------------------------------------------------------------------------------------
    // Bounded: closing time plus a minute of grace, plus churn at no less than 20 toggles a second.
    const realDeadline =
      realStart +
      ((clock.closeMin - clock.startMin) * 60_000) / speed +
      60_000 +
      (options.churn ? options.churn.events * 50 : 0);
    const progress = () => progressOf(patients, clock, tally);
    let lastProgress = 0;
    const progressMs = options.progressMs ?? 250;
    let interrupted = false;
    const dayOver = () => patients.every((p) => donePhases.includes(p.phase)) && clock.pending === 0;

    for (;;) {
      if (fatal) throw fatal;
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      const now = clock.now();
      for (let task = clock.takeDue(now); task; task = clock.takeDue(now)) {
        await task.run();
        if (fatal) throw fatal;
      }
      await dispatch();
      await seeProviders();
      if (performance.now() - lastProgress >= progressMs) {
        lastProgress = performance.now();
        options.onProgress?.(progress());
      }
      if ((dayOver() || now >= clock.closeMin) && (!churn || churn.finished())) break;
      await sleep(clamp(clock.realMsUntil(clock.nextAt), 1, 50));
      if (performance.now() > realDeadline) {
        log('past the deadline: stopping what is left');
        break;
      }
    }
    churn?.stop();
    if (churn) await Promise.race([churn.done, sleep(WAIT_MS)]);
    const endMin = Math.min(clock.now(), clock.closeMin);
    options.onProgress?.(progress());

    const realMs = performance.now() - realStart;
    return resultOf({
      run: { url, speed, seed, interrupted, realMs },
      clock,
      endMin,
      patients,
      roster: roster.length,
      tally,
      churn: churn
        ? { rooms: rooms.churn.length, sockets: options.churn!.sockets, realMs: churn.realMs() || realMs }
        : null,
    });
  } finally {
    closing = true;
    if (keepAlive) clearInterval(keepAlive);
    for (const s of sockets) s.disconnect();
    // Unpair the simulator's kiosk so repeated runs do not pile up devices (best effort).
    if (kioskDeviceId) {
      const id = kioskDeviceId;
      await signIn(url, 'admin')
        .then((admin) => revokeDevice(url, admin, id))
        .catch(() => {});
    }
  }
}
