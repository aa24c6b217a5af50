/**
 * Who does what in the simulated day: patients arrive and check in at the kiosk (or the desk), the console calls
 * them to free rooms, providers see them, housekeeping cleans rooms, now and then a room breaks down; and the
 * optional churn that toggles rooms set aside for load. Every random draw is made in a fixed order, so a seed
 * gives the same day.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { finalVisitStatuses, type FlowBoard, type Room, type Visit } from '@clinicflow/domain';
import type { CommandResult } from '@clinicflow/contracts';
import { sleep, waitFor, type ClientSocket } from '../client';
import { clamp, type Rng } from '../rng';
import { formatClock, inRoomPhases, type Patient, type SimClock } from './clinic-day';
import type { Tally } from './report';
import { consultMinutes, type WaitLog } from './waits';

export const WAIT_MS = 10_000;
const doneVisit: readonly string[] = finalVisitStatuses;

/** Sends a command on a socket; resolves with the result (never throws on a refusal). */
async function send(socket: ClientSocket, command: Record<string, unknown>): Promise<CommandResult> {
  return socket.timeout(WAIT_MS).emitWithAck('command', { commandId: randomUUID(), ...command });
}

/** What the actors share: the day, the console's view of it, and the counts. */
export type Sim = {
  clock: SimClock;
  rng: Rng;
  tally: Tally;
  log: (line: string) => void;
  patients: Patient[];
  /** The rooms that serve the day (not those set aside for churn). */
  dayRooms: string[];
  /** Rooms with a pending simulated action (cleaning, repair). */
  roomBusy: Set<string>;
  /** The console's board, kept current from its socket. */
  board: () => FlowBoard;
  /** The last seq the console has applied. */
  seq: () => number;
  consoleSocket: ClientSocket;
  kiosk: ClientSocket;
  /** Records estimate vs actual wait per patient; null when not measured. */
  waits: WaitLog | null;
};

/** A console command; waits until the console's board shows its events, so the next command has fresh versions. */
export function consoleCommand(sim: Sim) {
  return async (type: string, fields: Record<string, unknown>): Promise<boolean> => {
    sim.tally.commands++;
    const result = await send(sim.consoleSocket, { type, ...fields });
    if (!result.ok) {
      sim.tally.refused++;
      sim.log(`${formatClock(sim.clock.now())} ${type} refused: ${result.code} ${result.message}`);
      return false;
    }
    await waitFor(() => sim.seq() >= result.seq, `console event ${result.seq}`);
    return true;
  };
}

const visitOf = (sim: Sim, p: Patient): Visit | undefined => sim.board().visits[p.visitId];

/** After a refusal: take the server's word for where the visit is; keep driving only what we can. */
export function settle(sim: Sim, p: Patient): void {
  const status = visitOf(sim, p)?.status;
  if (status && doneVisit.includes(status)) p.phase = status === 'no_show' ? 'no_show' : 'checked_out';
  else p.phase = 'abandoned';
}

/** The patient sits down in the waiting room: the moment their estimate is taken. */
function joinQueue(sim: Sim, p: Patient): void {
  p.phase = 'waiting';
  p.waitingSince = sim.clock.now();
  const { patients, dayRooms } = sim;
  sim.waits?.queued({ p, patients, board: sim.board(), dayRooms, now: p.waitingSince });
}

/** Checked in: into the queue, or first a few minutes on intake forms after which the desk sends them on. */
export function afterCheckIn(sim: Sim, p: Patient): void {
  const { clock, rng, tally } = sim;
  const command = consoleCommand(sim);
  const visit = () => visitOf(sim, p);
  if (visit()?.status !== 'arrived') return joinQueue(sim, p);
  // The clinic has intake forms for this visit. NOTE: the simulator does not fill forms in; the patient
  // spends a few minutes on them and the front desk then sends them to the waiting room.
  clock.at(clock.now() + rng.uniform(2, 6), async () => {
    const v = visit();
    if (
      v?.status === 'arrived' &&
      !(await command('SendToWaitingRoom', { visitId: p.visitId, version: v.version }))
    )
      return settle(sim, p);
    if (visit()?.status !== 'waiting') return settle(sim, p);
    tally.intakeAtDesk++;
    joinQueue(sim, p);
  });
}

/**
 * Patients arrive around their appointment (most early, some late, ~6% not at all) and take turns at the one
 * kiosk; they are callable from five minutes before their appointment, later when their provider runs late.
 */
export function schedulePatients(sim: Sim): void {
  const { clock, rng, patients, tally } = sim;
  const command = consoleCommand(sim);
  const visit = (p: Patient) => visitOf(sim, p);
  const providerDelay = new Map<string, number>();
  for (const p of patients) {
    if (!providerDelay.has(p.providerId))
      providerDelay.set(p.providerId, rng.chance(0.35) ? rng.uniform(10, 30) : 0);
    p.callableAt = p.scheduledMin - 5 + providerDelay.get(p.providerId)!;
  }
  // The desk tells the waiting room, to the nearest 5 minutes, which providers run late today.
  for (const [providerId, delay] of providerDelay)
    if (delay > 0 && sim.board().providers[providerId])
      clock.at(clock.startMin, async () => {
        await command('AnnounceDelay', { providerId, minutes: Math.round(delay / 5) * 5 });
      });
  let kioskFreeAt = 0;
  const arrivals = patients.map((p) => {
    if (rng.chance(0.06)) return { p, arrive: null };
    const r = rng.next();
    const offset =
      r < 0.7 ? -clamp(rng.normal(10, 6), 0, 30) : r < 0.92 ? rng.uniform(0, 12) : rng.uniform(12, 35);
    return { p, arrive: p.scheduledMin + offset };
  });

  const checkIn = async (p: Patient, arrivedMin: number) => {
    p.arrivedMin = arrivedMin;
    const found = await sim.kiosk
      .timeout(WAIT_MS)
      .emitWithAck('findAppointment', { lastName: p.lastName, dateOfBirth: p.dateOfBirth });
    let ok = false;
    if (found.ok && found.match.visitId === p.visitId) {
      tally.commands++;
      const result = await send(sim.kiosk, { type: 'CheckInPatient', visitId: p.visitId });
      if (result.ok) {
        await waitFor(() => sim.seq() >= result.seq, `console event ${result.seq}`);
        tally.kioskCheckins++;
        ok = true;
      } else {
        tally.refused++;
        sim.log(`${formatClock(clock.now())} kiosk check-in refused: ${result.code} ${result.message}`);
      }
    } else {
      // Two patients share a name and birthday, or the kiosk could not find them: the front desk checks them in.
      ok = await command('CheckInPatient', { visitId: p.visitId });
      if (ok) tally.deskCheckins++;
    }
    if (!ok) return settle(sim, p);
    afterCheckIn(sim, p);
  };

  for (const { p, arrive } of arrivals.sort((a, b) => (a.arrive ?? 1e9) - (b.arrive ?? 1e9))) {
    if (arrive === null) {
      clock.at(p.scheduledMin + 30, async () => {
        if (visit(p)?.status !== 'booked') return settle(sim, p);
        if (await command('MarkNoShow', { visitId: p.visitId, version: visit(p)!.version }))
          p.phase = 'no_show';
        else settle(sim, p);
      });
      continue;
    }
    // One kiosk: a patient who arrives while it is in use waits their turn; each takes 1–3 minutes.
    const done = Math.max(arrive, kioskFreeAt) + rng.uniform(1, 3);
    kioskFreeAt = done;
    clock.at(done, () => checkIn(p, arrive));
  }
}

/** The console and the providers, run on every tick: calls to free rooms, consultations, check-out, cleaning. */
export function staff(sim: Sim) {
  const { clock, rng, patients, roomBusy } = sim;
  const command = consoleCommand(sim);
  const visit = (p: Patient) => visitOf(sim, p);
  const providerLoad = (providerId: string) =>
    patients.filter((q) => q.providerId === providerId && inRoomPhases.includes(q.phase)).length;

  /** Calls waiting patients, first come first served, to free rooms; a provider has at most two rooms going. */
  const dispatch = async () => {
    const now = clock.now();
    const waiting = patients
      .filter((p) => p.phase === 'waiting' && p.retryAt <= now && p.callableAt <= now)
      .sort((a, b) => a.waitingSince! - b.waitingSince!);
    for (const p of waiting) {
      const room = sim.dayRooms
        .map((id) => sim.board().rooms[id]!)
        .find((r) => r.status === 'available' && !roomBusy.has(r.id));
      if (!room) return;
      if (p.walkIn) {
        const free = Object.keys(sim.board().providers)
          .map((id) => ({ id, load: providerLoad(id) }))
          .sort((a, b) => a.load - b.load)[0];
        if (!free || free.load >= 2) continue;
        p.providerId = free.id;
      }
      if (providerLoad(p.providerId) >= 2) continue;
      const v = visit(p);
      if (v?.status !== 'waiting') {
        settle(sim, p);
        continue;
      }
      if (!(await command('CallPatient', { visitId: p.visitId, roomId: room.id, version: v.version }))) {
        p.retryAt = clock.now() + 2;
        continue;
      }
      p.phase = 'called';
      p.roomId = room.id;
      p.calledMin = clock.now();
      p.waitMin = clock.now() - p.waitingSince!;
      sim.waits?.called(p, clock.now());
      // The patient walks to the room, then a nurse does the intake.
      clock.at(clock.now() + rng.uniform(0.5, 2.5), async () => {
        if (!(await command('MarkPatientInRoom', { visitId: p.visitId, version: visit(p)!.version })))
          return settle(sim, p);
        p.phase = 'in_room';
        p.inRoomMin = clock.now();
        clock.at(clock.now() + rng.uniform(3, 10), async () => {
          p.phase = 'ready';
          p.readySince = clock.now();
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
        settle(sim, p);
        continue;
      }
      busy.add(p.providerId);
      p.phase = 'with_provider';
      clock.at(clock.now() + consultMinutes(p.kind, rng), async () => {
        const roomId = p.roomId!;
        if (!(await command('CheckOutPatient', { visitId: p.visitId, version: visit(p)!.version })))
          return settle(sim, p);
        p.phase = 'checked_out';
        p.inClinicMin = clock.now() - p.arrivedMin!;
        sim.waits?.finished(p, clock.now(), sim.board().providers[p.providerId]?.name ?? null);
        roomBusy.add(roomId);
        // Housekeeping gets to it in a few minutes; cleaning takes a few more.
        clock.at(clock.now() + rng.uniform(1, 6) + rng.uniform(3, 7), async () => {
          roomBusy.delete(roomId);
          const room = sim.board().rooms[roomId]!;
          if (room.status === 'needs_cleaning')
            await command('MarkRoomCleaned', { roomId, version: room.version });
        });
      });
    }
  };

  return { dispatch, seeProviders };
}

/**
 * Now and then a room breaks down (equipment, a spill) and is back in service 20–75 minutes later; rooms left
 * dirty or broken by an earlier session are dealt with first thing.
 */
export function scheduleRoomUpkeep(sim: Sim): void {
  const { clock, rng, roomBusy, tally } = sim;
  const command = consoleCommand(sim);
  const incidentCount = sim.patients.length ? 1 + Math.floor(rng.next() * 3) : 0;
  for (let i = 0; i < incidentCount; i++) {
    const when = rng.uniform(clock.startMin + 60, Math.max(clock.startMin + 90, clock.lastMin));
    const tryIncident = async (attempt: number): Promise<void> => {
      const candidates = sim.dayRooms
        .map((id) => sim.board().rooms[id]!)
        .filter((r) => (r.status === 'available' || r.status === 'needs_cleaning') && !roomBusy.has(r.id));
      if (!candidates.length) {
        if (attempt < 6) clock.at(clock.now() + 10, () => tryIncident(attempt + 1));
        return;
      }
      const room = rng.pick(candidates);
      roomBusy.add(room.id);
      if (!(await command('TakeRoomOutOfService', { roomId: room.id, version: room.version }))) {
        roomBusy.delete(room.id);
        return;
      }
      tally.incidents++;
      sim.log(`${formatClock(clock.now())} ${room.name} out of service`);
      clock.at(clock.now() + rng.uniform(20, 75), async () => {
        roomBusy.delete(room.id);
        const now = sim.board().rooms[room.id]!;
        if (now.status === 'out_of_service')
          await command('ReturnRoomToService', { roomId: room.id, version: now.version });
      });
    };
    clock.at(when, () => tryIncident(0));
  }

  for (const id of sim.dayRooms) {
    const room = sim.board().rooms[id]!;
    if (room.status === 'needs_cleaning' || room.status === 'out_of_service') {
      roomBusy.add(id);
      clock.at(clock.startMin + rng.uniform(2, 10), async () => {
        roomBusy.delete(id);
        const r = sim.board().rooms[id]!;
        if (r.status === 'needs_cleaning')
          await command('MarkRoomCleaned', { roomId: id, version: r.version });
        if (r.status === 'out_of_service')
          await command('ReturnRoomToService', { roomId: id, version: r.version });
      });
    }
  }
}

export type Churn = {
  /** Settles when every churn room is back in service, or churn failed (reported to `onFailure`). */
  done: Promise<void>;
  finished: () => boolean;
  /** Real milliseconds the toggling took; 0 until done. */
  realMs: () => number;
  stop: () => void;
};

/**
 * Rooms set aside from the day, toggled out of service and back as fast as the server takes it, spread over
 * `pool` console sockets within the per-socket rate limit; each toggle is one display-visible event.
 */
export function startChurn(
  sim: Pick<Sim, 'tally' | 'log'>,
  o: {
    rooms: Room[];
    pool: ClientSocket[];
    events: number;
    perSocketPerS?: number;
    /** Ctrl-C: stop toggling, but still put the rooms back in service. */
    aborted: () => boolean;
    /** The run failed: stop at once. */
    failed: () => boolean;
    onFailure: (error: Error) => void;
  },
): Churn {
  const { tally } = sim;
  const { pool } = o;
  let stopped = false;
  let finished = false;
  let realMs = 0;
  const intervalMs = 1000 / (o.perSocketPerS ?? 40);
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
  const start = performance.now();
  let sent = 0;
  const worker = async (room: Room) => {
    let { status, version } = room;
    const toggle = async (): Promise<boolean> => {
      const type = status === 'out_of_service' ? 'ReturnRoomToService' : 'TakeRoomOutOfService';
      const result = await send(await takeSocket(), { type, roomId: room.id, version });
      tally.commands++;
      if (!result.ok) {
        tally.refused++;
        sim.log(`churn ${type} on ${room.name} refused: ${result.code} ${result.message}`);
        return false;
      }
      status = status === 'out_of_service' ? 'available' : 'out_of_service';
      version++;
      tally.churnEvents++;
      return true;
    };
    while (sent < o.events && !o.aborted() && !o.failed() && !stopped) {
      sent++;
      if (!(await toggle())) return;
    }
    // Leave the room as the day found it: in service.
    if (status === 'out_of_service' && !o.failed()) await toggle();
  };
  const done = Promise.all(o.rooms.map(worker)).then(
    () => {
      realMs = performance.now() - start;
      finished = true;
    },
    (err: unknown) => {
      o.onFailure(err instanceof Error ? err : new Error(String(err)));
      finished = true;
    },
  );
  return {
    done,
    finished: () => finished,
    realMs: () => realMs,
    stop: () => void (stopped = true),
  };
}
