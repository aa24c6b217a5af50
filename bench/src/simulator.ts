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
import { randomUUID } from 'node:crypto';
import {
  finalVisitStatuses,
  isDisplayVisible,
  type DomainEvent,
  type EventEnvelope,
  type FlowBoard,
  type Room,
  type Visit,
} from '@clinicflow/domain';
import type { CommandResult } from '@clinicflow/contracts';
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
  type DemoPatient,
} from './client';
import { clamp, createRng, type Rng } from './rng';

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
  signal?: AbortSignal;
  /** Called about every `progressMs` real milliseconds, and once at the end. */
  onProgress?: (progress: SimProgress) => void;
  progressMs?: number;
  /** Notable happenings (refusals, incidents); silent when omitted. */
  log?: (line: string) => void;
};

export type SimProgress = {
  clock: string;
  waiting: number;
  inRooms: number;
  done: number;
  total: number;
  events: number;
  displayEvents: number;
  churnEvents: number;
};

type Stats = { mean: number; p50: number; p90: number; max: number } | null;

export type SimResult = {
  url: string;
  speed: number;
  seed: number;
  interrupted: boolean;
  sim: { start: string; end: string; minutes: number };
  real_s: number;
  visits: {
    simulated: number;
    skipped_not_booked: number;
    checked_out: number;
    no_show: number;
    unfinished: number;
    kiosk_checkins: number;
    desk_checkins: number;
    /** Visits with intake forms due: sent to the waiting room by the desk after a few minutes. */
    intake_sent_by_desk: number;
  };
  wait_min: Stats;
  in_clinic_min: Stats;
  room_incidents: number;
  commands: number;
  refused: number;
  events: { total: number; display_visible: number; by_type: Record<string, number> };
  churn: { rooms: number; sockets: number; events: number; real_s: number; per_s: number } | null;
};

type Phase =
  | 'expected'
  | 'waiting'
  | 'called'
  | 'in_room'
  | 'ready'
  | 'with_provider'
  | 'checked_out'
  | 'no_show'
  | 'abandoned';

type Patient = {
  visitId: string;
  lastName: string;
  dateOfBirth: string;
  providerId: string;
  scheduledMin: number;
  phase: Phase;
  arrivedMin: number | null;
  waitingSince: number | null;
  readySince: number | null;
  roomId: string | null;
  waitMin: number | null;
  inClinicMin: number | null;
  /** Not called before this minute: the appointment time, plus the provider's delay that day. */
  callableAt: number;
  /** After a refused call, do not try this patient again before this minute. */
  retryAt: number;
};

type Task = { at: number; order: number; run: () => Promise<void> };

const WAIT_MS = 10_000;
const KEEP_ALIVE_MS = 5 * 60_000;
const doneVisit: readonly string[] = finalVisitStatuses;

export const formatClock = (min: number) => {
  const m = Math.floor(min);
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const parseClock = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a clock time (HH:MM): ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Minutes after clinic-local midnight of an instant. */
function localMinutes(iso: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

function summarize(values: number[]): Stats {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
    p50: r(at(0.5)),
    p90: r(at(0.9)),
    max: r(s.at(-1)!),
  };
}

export function checkUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`--url must be http(s): ${url}`);
  return parsed.origin;
}

/** Sends a command on a socket; resolves with the result (never throws on a refusal). */
async function send(socket: ClientSocket, command: Record<string, unknown>): Promise<CommandResult> {
  return socket.timeout(WAIT_MS).emitWithAck('command', { commandId: randomUUID(), ...command });
}

export async function runClinicDay(options: ClinicDayOptions): Promise<SimResult> {
  const url = checkUrl(options.url);
  const { speed, seed, signal } = options;
  if (!(speed >= 1 && speed <= 1000)) throw new Error('speed must be in [1, 1000]');
  const log = options.log ?? (() => {});
  const rng: Rng = createRng(seed);
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
    const timeZone = board().clinic.timezone;

    // Count what the day produces, from the console's own feed (it sees every event).
    const byType: Record<string, number> = {};
    let events = 0;
    let displayEvents = 0;
    flow.onEvent = (e: EventEnvelope<DomainEvent>) => {
      events++;
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      if (isDisplayVisible(e)) displayEvents++;
    };

    const roster = await demoPatients(url, coordinator);
    const booked = roster.filter(
      (p): p is DemoPatient & { scheduledAt: string } => p.status === 'booked' && !!p.scheduledAt,
    );
    const patients: Patient[] = booked
      .map((p) => ({
        visitId: p.visitId,
        lastName: p.lastName,
        dateOfBirth: p.dateOfBirth,
        providerId: board().visits[p.visitId]?.providerId ?? `none:${p.visitId}`,
        scheduledMin: localMinutes(p.scheduledAt, timeZone),
        phase: 'expected' as Phase,
        arrivedMin: null,
        waitingSince: null,
        readySince: null,
        roomId: null,
        waitMin: null,
        inClinicMin: null,
        callableAt: 0,
        retryAt: 0,
      }))
      .sort((a, b) => a.scheduledMin - b.scheduledMin || a.visitId.localeCompare(b.visitId));
    if (!patients.length)
      log('no booked visits today (the demo day was used already?): only rooms are simulated');

    // Rooms: some set aside for churn, the rest serve the day.
    const roomsByName = Object.values(board().rooms).sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { numeric: true }),
    );
    const churnRooms: Room[] = [];
    if (options.churn) {
      for (const r of [...roomsByName].reverse()) {
        if (churnRooms.length >= options.churn.rooms) break;
        if (r.status === 'available' || r.status === 'out_of_service') churnRooms.push(r);
      }
      if (churnRooms.length < options.churn.rooms)
        throw new Error('not enough free rooms to set aside for churn');
      if (churnRooms.length >= roomsByName.length) throw new Error('churn would leave no room for the day');
    }
    const reserved = new Set(churnRooms.map((r) => r.id));
    const dayRooms = roomsByName.filter((r) => !reserved.has(r.id)).map((r) => r.id);

    // The simulated clock.
    const firstMin = patients.length
      ? patients[0]!.scheduledMin
      : localMinutes(new Date().toISOString(), timeZone);
    const startMin = Math.floor(firstMin / 30) * 30 - 30;
    const lastMin = patients.length ? patients.at(-1)!.scheduledMin : startMin;
    const closeMin = options.closeAt ? parseClock(options.closeAt) : Math.max(lastMin + 180, startMin + 60);
    const simNow = () => startMin + ((performance.now() - realStart) * speed) / 60_000;

    const tasks: Task[] = [];
    let order = 0;
    const at = (min: number, run: () => Promise<void>) => {
      tasks.push({ at: min, order: order++, run });
      tasks.sort((a, b) => a.at - b.at || a.order - b.order);
    };

    let commands = 0;
    let refused = 0;
    let kioskCheckins = 0;
    let deskCheckins = 0;
    let intakeAtDesk = 0;
    let incidents = 0;
    /** A console command; waits until the console's board shows its events, so the next command has fresh versions. */
    const command = async (type: string, fields: Record<string, unknown>): Promise<boolean> => {
      commands++;
      const result = await send(consoleSocket, { type, ...fields });
      if (!result.ok) {
        refused++;
        log(`${formatClock(simNow())} ${type} refused: ${result.code} ${result.message}`);
        return false;
      }
      await waitFor(() => flow.seq >= result.seq, `console event ${result.seq}`);
      return true;
    };
    const visit = (p: Patient): Visit | undefined => board().visits[p.visitId];
    const settle = (p: Patient) => {
      // After a refusal: take the server's word for where the visit is; keep driving only what we can.
      const status = visit(p)?.status;
      if (status && doneVisit.includes(status)) p.phase = status === 'no_show' ? 'no_show' : 'checked_out';
      else p.phase = 'abandoned';
    };

    // --- Patients -------------------------------------------------------------------------------------------
    // Patients are called from five minutes before their appointment; some providers run late that day.
    const providerDelay = new Map<string, number>();
    for (const p of patients) {
      if (!providerDelay.has(p.providerId))
        providerDelay.set(p.providerId, rng.chance(0.35) ? rng.uniform(10, 30) : 0);
      p.callableAt = p.scheduledMin - 5 + providerDelay.get(p.providerId)!;
    }
    let kioskFreeAt = 0;
    const arrivals = patients.map((p) => {
      // ~6% do not come; most come early, some late, a few very late.
      if (rng.chance(0.06)) return { p, arrive: null };
      const r = rng.next();
      const offset =
        r < 0.7 ? -clamp(rng.normal(10, 6), 0, 30) : r < 0.92 ? rng.uniform(0, 12) : rng.uniform(12, 35);
      return { p, arrive: p.scheduledMin + offset };
    });
    for (const { p, arrive } of arrivals.sort((a, b) => (a.arrive ?? 1e9) - (b.arrive ?? 1e9))) {
      if (arrive === null) {
        at(p.scheduledMin + 30, async () => {
          if (visit(p)?.status !== 'booked') return settle(p);
          if (await command('MarkNoShow', { visitId: p.visitId, version: visit(p)!.version }))
            p.phase = 'no_show';
          else settle(p);
        });
        continue;
      }
      // One kiosk: a patient who arrives while it is in use waits their turn; each takes 1–3 minutes.
      const done = Math.max(arrive, kioskFreeAt) + rng.uniform(1, 3);
      kioskFreeAt = done;
      at(done, () => checkIn(p, arrive));
    }

    const checkIn = async (p: Patient, arrivedMin: number) => {
      p.arrivedMin = arrivedMin;
      const found = await kiosk
        .timeout(WAIT_MS)
        .emitWithAck('findAppointment', { lastName: p.lastName, dateOfBirth: p.dateOfBirth });
      let ok = false;
      if (found.ok && found.match.visitId === p.visitId) {
        commands++;
        const result = await send(kiosk, { type: 'CheckInPatient', visitId: p.visitId });
        if (result.ok) {
          await waitFor(() => flow.seq >= result.seq, `console event ${result.seq}`);
          kioskCheckins++;
          ok = true;
        } else {
          refused++;
          log(`${formatClock(simNow())} kiosk check-in refused: ${result.code} ${result.message}`);
        }
      } else {
        // Two patients share a name and birthday, or the kiosk could not find them: the front desk checks them in.
        ok = await command('CheckInPatient', { visitId: p.visitId });
        if (ok) deskCheckins++;
      }
      if (!ok) return settle(p);
      if (visit(p)?.status === 'arrived') {
        // The clinic has intake forms for this visit. NOTE: the simulator does not fill forms in; the patient
        // spends a few minutes on them and the front desk then sends them to the waiting room.
        at(simNow() + rng.uniform(2, 6), async () => {
          const v = visit(p);
          if (
            v?.status === 'arrived' &&
            !(await command('SendToWaitingRoom', { visitId: p.visitId, version: v.version }))
          )
            return settle(p);
          if (visit(p)?.status !== 'waiting') return settle(p);
          intakeAtDesk++;
          p.phase = 'waiting';
          p.waitingSince = simNow();
        });
        return;
      }
      p.phase = 'waiting';
      p.waitingSince = simNow();
    };

    // --- Rooms and providers --------------------------------------------------------------------------------
    const roomBusy = new Set<string>(); // rooms with a pending simulated action (cleaning, repair)
    const providerLoad = (providerId: string) =>
      patients.filter(
        (q) =>
          q.providerId === providerId && ['called', 'in_room', 'ready', 'with_provider'].includes(q.phase),
      ).length;

    /** Calls waiting patients, first come first served, to free rooms; a provider has at most two rooms going. */
    const dispatch = async () => {
      const now = simNow();
      const waiting = patients
        .filter((p) => p.phase === 'waiting' && p.retryAt <= now && p.callableAt <= now)
        .sort((a, b) => a.waitingSince! - b.waitingSince!);
      for (const p of waiting) {
        const room = dayRooms
          .map((id) => board().rooms[id]!)
          .find((r) => r.status === 'available' && !roomBusy.has(r.id));
        if (!room) return;
        if (providerLoad(p.providerId) >= 2) continue;
        const v = visit(p);
        if (v?.status !== 'waiting') {
          settle(p);
          continue;
        }
        if (!(await command('CallPatient', { visitId: p.visitId, roomId: room.id, version: v.version }))) {
          p.retryAt = simNow() + 2;
          continue;
        }
        p.phase = 'called';
        p.roomId = room.id;
        p.waitMin = simNow() - p.waitingSince!;
        // The patient walks to the room, then a nurse does the intake.
        at(simNow() + rng.uniform(0.5, 2.5), async () => {
          if (!(await command('MarkPatientInRoom', { visitId: p.visitId, version: visit(p)!.version })))
            return settle(p);
          p.phase = 'in_room';
          at(simNow() + rng.uniform(3, 10), async () => {
            p.phase = 'ready';
            p.readySince = simNow();
          });
        });
      }
    };

    /** Each provider sees one patient at a time: the one ready longest. */
    const seeProviders = async () => {
      const busy = new Set(patients.filter((p) => p.phase === 'with_provider').map((p) => p.providerId));
      const ready = patients.filter((p) => p.phase === 'ready').sort((a, b) => a.readySince! - b.readySince!);
      for (const p of ready) {
        if (busy.has(p.providerId)) continue;
        if (!(await command('StartConsultation', { visitId: p.visitId, version: visit(p)!.version }))) {
          settle(p);
          continue;
        }
        busy.add(p.providerId);
        p.phase = 'with_provider';
        at(simNow() + clamp(rng.logNormal(14, 0.4), 5, 45), async () => {
          const roomId = p.roomId!;
          if (!(await command('CheckOutPatient', { visitId: p.visitId, version: visit(p)!.version })))
            return settle(p);
          p.phase = 'checked_out';
          p.inClinicMin = simNow() - p.arrivedMin!;
          roomBusy.add(roomId);
          // Housekeeping gets to it in a few minutes; cleaning takes a few more.
          at(simNow() + rng.uniform(1, 6) + rng.uniform(3, 7), async () => {
            roomBusy.delete(roomId);
            const room = board().rooms[roomId]!;
            if (room.status === 'needs_cleaning')
              await command('MarkRoomCleaned', { roomId, version: room.version });
          });
        });
      }
    };

    // Now and then a room breaks down (equipment, a spill) and is back in service 20–75 minutes later.
    const incidentCount = patients.length ? 1 + Math.floor(rng.next() * 3) : 0;
    for (let i = 0; i < incidentCount; i++) {
      const when = rng.uniform(startMin + 60, Math.max(startMin + 90, lastMin));
      const tryIncident = async (attempt: number): Promise<void> => {
        const candidates = dayRooms
          .map((id) => board().rooms[id]!)
          .filter((r) => (r.status === 'available' || r.status === 'needs_cleaning') && !roomBusy.has(r.id));
        if (!candidates.length) {
          if (attempt < 6) at(simNow() + 10, () => tryIncident(attempt + 1));
          return;
        }
        const room = rng.pick(candidates);
        roomBusy.add(room.id);
        if (!(await command('TakeRoomOutOfService', { roomId: room.id, version: room.version }))) {
          roomBusy.delete(room.id);
          return;
        }
        incidents++;
        log(`${formatClock(simNow())} ${room.name} out of service`);
        at(simNow() + rng.uniform(20, 75), async () => {
          roomBusy.delete(room.id);
          const now = board().rooms[room.id]!;
          if (now.status === 'out_of_service')
            await command('ReturnRoomToService', { roomId: room.id, version: now.version });
        });
      };
      at(when, () => tryIncident(0));
    }

    // Rooms left dirty or broken by an earlier session are dealt with first thing.
    for (const id of dayRooms) {
      const room = board().rooms[id]!;
      if (room.status === 'needs_cleaning' || room.status === 'out_of_service') {
        roomBusy.add(id);
        at(startMin + rng.uniform(2, 10), async () => {
          roomBusy.delete(id);
          const r = board().rooms[id]!;
          if (r.status === 'needs_cleaning')
            await command('MarkRoomCleaned', { roomId: id, version: r.version });
          if (r.status === 'out_of_service')
            await command('ReturnRoomToService', { roomId: id, version: r.version });
        });
      }
    }

    // --- Churn (soak load) ----------------------------------------------------------------------------------
    let churnEvents = 0;
    let churnDone = !options.churn;
    let stopChurn = false;
    let churnRealMs = 0;
    let churnPromise: Promise<void> = Promise.resolve();
    if (options.churn) {
      const churn = options.churn;
      const pool = await Promise.all(
        Array.from({ length: churn.sockets }, () => connect(url, { view: 'flowBoard', cookie: coordinator })),
      );
      for (const s of pool) {
        sockets.push(s);
        watch(s, 'churn console');
        // These sockets only send; they get the sync snapshot and every event like any console, and drop them.
      }
      const intervalMs = 1000 / (churn.perSocketPerS ?? 40);
      const nextFree = pool.map(() => performance.now());
      /** The socket that may send soonest, within its rate; waits until then. */
      const takeSocket = async (): Promise<ClientSocket> => {
        let i = 0;
        for (let j = 1; j < pool.length; j++) if (nextFree[j]! < nextFree[i]!) i = j;
        const wait = nextFree[i]! - performance.now();
        nextFree[i] = Math.max(nextFree[i]!, performance.now()) + intervalMs;
        if (wait > 0) await sleep(wait);
        return pool[i]!;
      };
      const churnStart = performance.now();
      let sent = 0;
      const worker = async (room: Room) => {
        let { status, version } = room;
        const toggle = async (): Promise<boolean> => {
          const type = status === 'out_of_service' ? 'ReturnRoomToService' : 'TakeRoomOutOfService';
          const result = await send(await takeSocket(), { type, roomId: room.id, version });
          commands++;
          if (!result.ok) {
            refused++;
            log(`churn ${type} on ${room.name} refused: ${result.code} ${result.message}`);
            return false;
          }
          status = status === 'out_of_service' ? 'available' : 'out_of_service';
          version++;
          churnEvents++;
          return true;
        };
        while (sent < churn.events && !signal?.aborted && !fatal && !stopChurn) {
          sent++;
          if (!(await toggle())) return;
        }
        // Leave the room as the day found it: in service.
        if (status === 'out_of_service' && !fatal) await toggle();
      };
      churnPromise = Promise.all(churnRooms.map(worker)).then(
        () => {
          churnRealMs = performance.now() - churnStart;
          churnDone = true;
        },
        (err: unknown) => {
          fatal ??= err instanceof Error ? err : new Error(String(err));
          churnDone = true;
        },
      );
    }

    // --- The day ----------------------------------------------------------------------------------------------
    // Bounded: closing time plus a minute of grace, plus churn at no less than 20 toggles a second.
    const realDeadline =
      realStart +
      ((closeMin - startMin) * 60_000) / speed +
      60_000 +
      (options.churn ? options.churn.events * 50 : 0);
    const progress = (): SimProgress => ({
      clock: formatClock(Math.min(simNow(), closeMin)),
      waiting: patients.filter((p) => p.phase === 'waiting').length,
      inRooms: patients.filter((p) => ['called', 'in_room', 'ready', 'with_provider'].includes(p.phase))
        .length,
      done: patients.filter((p) => ['checked_out', 'no_show', 'abandoned'].includes(p.phase)).length,
      total: patients.length,
      events,
      displayEvents,
      churnEvents,
    });
    let lastProgress = 0;
    const progressMs = options.progressMs ?? 250;
    let interrupted = false;
    const dayOver = () =>
      patients.every((p) => ['checked_out', 'no_show', 'abandoned'].includes(p.phase)) && tasks.length === 0;

    for (;;) {
      if (fatal) throw fatal;
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      const now = simNow();
      while (tasks.length && tasks[0]!.at <= now) {
        await tasks.shift()!.run();
        if (fatal) throw fatal;
      }
      await dispatch();
      await seeProviders();
      if (performance.now() - lastProgress >= progressMs) {
        lastProgress = performance.now();
        options.onProgress?.(progress());
      }
      if ((dayOver() || now >= closeMin) && churnDone) break;
      const nextAt = tasks[0]?.at ?? closeMin;
      const realWait = ((nextAt - simNow()) * 60_000) / speed;
      await sleep(clamp(realWait, 1, 50));
      if (performance.now() > realDeadline) {
        log('past the deadline: stopping what is left');
        break;
      }
    }
    stopChurn = true;
    await Promise.race([churnPromise, sleep(WAIT_MS)]);
    const endMin = Math.min(simNow(), closeMin);
    options.onProgress?.(progress());

    const count = (phase: Phase) => patients.filter((p) => p.phase === phase).length;
    const churnReal = churnRealMs || performance.now() - realStart;
    return {
      url,
      speed,
      seed,
      interrupted,
      sim: { start: formatClock(startMin), end: formatClock(endMin), minutes: Math.round(endMin - startMin) },
      real_s: Math.round((performance.now() - realStart) / 100) / 10,
      visits: {
        simulated: patients.length,
        skipped_not_booked: roster.length - patients.length,
        checked_out: count('checked_out'),
        no_show: count('no_show'),
        unfinished: patients.length - count('checked_out') - count('no_show'),
        kiosk_checkins: kioskCheckins,
        desk_checkins: deskCheckins,
        intake_sent_by_desk: intakeAtDesk,
      },
      wait_min: summarize(patients.flatMap((p) => (p.waitMin === null ? [] : [p.waitMin]))),
      in_clinic_min: summarize(patients.flatMap((p) => (p.inClinicMin === null ? [] : [p.inClinicMin]))),
      room_incidents: incidents,
      commands,
      refused,
      events: { total: events, display_visible: displayEvents, by_type: byType },
      churn: options.churn
        ? {
            rooms: churnRooms.length,
            sockets: options.churn.sockets,
            events: churnEvents,
            real_s: Math.round(churnReal / 100) / 10,
            per_s: Math.round((churnEvents / (churnReal / 1000)) * 10) / 10,
          }
        : null,
    };
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
