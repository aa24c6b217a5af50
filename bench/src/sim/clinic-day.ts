/** The simulated clinic day: its clock (clinic-local minutes), its patients and the tasks scheduled on it. */
import { performance } from 'node:perf_hooks';
import { visitKind, type FlowBoard } from '@clinicflow/domain';
import type { DemoPatient } from '../client';

export type Phase =
  | 'expected'
  | 'waiting'
  | 'called'
  | 'in_room'
  | 'ready'
  | 'with_provider'
  | 'checked_out'
  | 'no_show'
  | 'abandoned';

export const inRoomPhases: readonly Phase[] = ['called', 'in_room', 'ready', 'with_provider'];
export const donePhases: readonly Phase[] = ['checked_out', 'no_show', 'abandoned'];

export type Patient = {
  visitId: string;
  lastName: string;
  dateOfBirth: string;
  providerId: string;
  scheduledMin: number;
  /** What the visit's in-room time is learned by (its reason for now). */
  kind: string | null;
  /** Registered at the kiosk without an appointment: seen by whichever provider is free. */
  walkIn: boolean;
  phase: Phase;
  arrivedMin: number | null;
  waitingSince: number | null;
  readySince: number | null;
  roomId: string | null;
  calledMin: number | null;
  inRoomMin: number | null;
  waitMin: number | null;
  inClinicMin: number | null;
  /** Not called before this minute: the appointment time, plus the provider's delay that day. */
  callableAt: number;
  /** After a refused call, do not try this patient again before this minute. */
  retryAt: number;
};

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

/** Today's booked demo visits as patients to simulate, by appointment time. */
export function patientsOf(roster: DemoPatient[], board: FlowBoard): Patient[] {
  const timeZone = board.clinic.timezone;
  return roster
    .filter((p): p is DemoPatient & { scheduledAt: string } => p.status === 'booked' && !!p.scheduledAt)
    .map((p) => ({
      visitId: p.visitId,
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
      providerId: board.visits[p.visitId]?.providerId ?? `none:${p.visitId}`,
      scheduledMin: localMinutes(p.scheduledAt, timeZone),
      kind: visitKind({ reason: board.visits[p.visitId]?.reason ?? null }),
      walkIn: false,
      phase: 'expected' as Phase,
      arrivedMin: null,
      waitingSince: null,
      readySince: null,
      roomId: null,
      calledMin: null,
      inRoomMin: null,
      waitMin: null,
      inClinicMin: null,
      callableAt: 0,
      retryAt: 0,
    }))
    .sort((a, b) => a.scheduledMin - b.scheduledMin || a.visitId.localeCompare(b.visitId));
}

type Task = { at: number; order: number; run: () => Promise<void> };

/**
 * The simulated clock, `speed` simulated seconds per real second from half an hour before the first appointment,
 * and what is due on it. The day closes when every patient is done, or at `closeAt` (HH:MM) at the latest.
 */
export class SimClock {
  readonly startMin: number;
  /** The last appointment. */
  readonly lastMin: number;
  readonly closeMin: number;
  readonly #speed: number;
  readonly #realStart: number;
  readonly #tasks: Task[] = [];
  #order = 0;

  constructor(o: {
    patients: Patient[];
    timeZone: string;
    speed: number;
    closeAt?: string;
    realStart: number;
  }) {
    const firstMin = o.patients.length
      ? o.patients[0]!.scheduledMin
      : localMinutes(new Date().toISOString(), o.timeZone);
    this.startMin = Math.floor(firstMin / 30) * 30 - 30;
    this.lastMin = o.patients.length ? o.patients.at(-1)!.scheduledMin : this.startMin;
    this.closeMin = o.closeAt ? parseClock(o.closeAt) : Math.max(this.lastMin + 180, this.startMin + 60);
    this.#speed = o.speed;
    this.#realStart = o.realStart;
  }

  /** Now, in clinic-local minutes (fractional). */
  readonly now = (): number => this.startMin + ((performance.now() - this.#realStart) * this.#speed) / 60_000;

  /** Runs `run` at simulated minute `min`; tasks due at the same minute run in the order they were added. */
  readonly at = (min: number, run: () => Promise<void>): void => {
    this.#tasks.push({ at: min, order: this.#order++, run });
    this.#tasks.sort((a, b) => a.at - b.at || a.order - b.order);
  };

  get pending(): number {
    return this.#tasks.length;
  }

  /** When the next task is due; closing time when none is. */
  get nextAt(): number {
    return this.#tasks[0]?.at ?? this.closeMin;
  }

  /** The first task due by minute `until`, taken off the list. */
  takeDue(until: number): Task | undefined {
    return this.#tasks.length && this.#tasks[0]!.at <= until ? this.#tasks.shift() : undefined;
  }

  /** Real milliseconds until simulated minute `min`. */
  realMsUntil(min: number): number {
    return ((min - this.now()) * 60_000) / this.#speed;
  }
}
