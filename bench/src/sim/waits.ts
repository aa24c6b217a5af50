/**
 * The wait-estimate accuracy log: when a patient joins the queue, the estimate the new model makes (learned from
 * the previous simulated days and today's finished visits) and the one the old formula makes, on the same
 * picture of the clinic; when they are called, the actual wait. All in simulated minutes.
 */
import {
  estimateQueue,
  estimateWaits,
  expectedMinutes,
  learnWaitStats,
  type DurationSample,
  type FlowBoard,
  type WaitStats,
} from '@clinicflow/domain';
import type { Rng } from '../rng';
import { inRoomPhases, type Patient } from './clinic-day';

/**
 * Minutes with the provider per kind of visit: log-normal (median, spread), clamped. Synthetic but shaped like a
 * family practice: shots are quick, physicals long, the rest in between and more variable.
 */
const consults: Record<string, [median: number, sigma: number]> = {
  'annual physical': [24, 0.3],
  'check-up or physical': [24, 0.3],
  'follow-up': [11, 0.35],
  'follow-up visit': [11, 0.35],
  'sore throat': [9, 0.4],
  'i feel sick': [12, 0.45],
  'blood pressure check': [7, 0.3],
  vaccination: [5, 0.3],
  'flu shot': [4, 0.3],
  'back pain': [16, 0.4],
  injury: [18, 0.45],
  rash: [10, 0.4],
};

export function consultMinutes(kind: string | null, rng: Rng): number {
  const [median, sigma] = consults[kind ?? ''] ?? [14, 0.4];
  return Math.min(60, Math.max(2, rng.logNormal(median, sigma)));
}

/** Simulated minute → an instant, one 24-hour block per simulated day, so days never overlap in the history. */
const instant = (day: number, min: number) =>
  new Date(Date.UTC(2026, 0, 1) + (day * 1440 + min) * 60_000).toISOString();

export type WaitRecord = {
  visitId: string;
  kind: string | null;
  walkIn: boolean;
  model: number;
  old: number;
  actual: number | null;
};

export type ErrorStats = { n: number; median: number; p90: number };

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
};

export const errorStats = (errors: readonly number[]): ErrorStats => ({
  n: errors.length,
  median: quantile(errors, 0.5),
  p90: quantile(errors, 0.9),
});

/** Carries the history from one simulated day to the next; one `WaitLog` per bench run. */
export class WaitLog {
  readonly records: WaitRecord[] = [];
  #history: DurationSample[];
  #today: DurationSample[] = [];
  #stats: WaitStats;
  #day = 0;
  /** Only days from this index on are measured (the ones before are warm-up history). */
  #measured = true;

  constructor(history: DurationSample[] = []) {
    this.#history = history;
    this.#stats = learnWaitStats(history);
  }

  /** Starts simulated day `day`; `measured` false: a warm-up day that only feeds the history. */
  startDay(day: number, measured: boolean): void {
    this.#history.push(...this.#today);
    this.#today = [];
    this.#day = day;
    this.#measured = measured;
    this.#stats = learnWaitStats(this.#history);
  }

  get samples(): number {
    return this.#history.length + this.#today.length;
  }

  /** A patient just joined the queue: both estimates, from the same picture of the clinic. */
  queued(o: {
    p: Patient;
    patients: readonly Patient[];
    board: FlowBoard;
    dayRooms: readonly string[];
    now: number;
  }) {
    if (!this.#measured) return;
    const { board, now } = o;
    const at = (min: number) => instant(this.#day, min);
    const providers = Object.values(board.providers).map((p) => ({ id: p.id, delayMinutes: p.delayMinutes }));
    const parallel = Object.fromEntries(
      Object.values(board.providers).map((p) => [p.id, this.#stats.parallel[p.name] ?? 1]),
    );
    const roomsInService = o.dayRooms.filter((id) => board.rooms[id]?.status !== 'out_of_service').length;
    const expected = (q: Patient) => expectedMinutes(this.#stats, q.kind);
    const waiting = o.patients
      .filter((q) => q.phase === 'waiting')
      .sort((a, b) => a.waitingSince! - b.waitingSince! || a.visitId.localeCompare(b.visitId));
    const model = estimateQueue({
      now: new Date(at(now)),
      providers,
      parallel,
      roomsInService,
      earlyCallMinutes: this.#stats.earlyCallMinutes,
      inService: o.patients
        .filter((q) => inRoomPhases.includes(q.phase))
        .map((q) => ({
          id: q.visitId,
          providerId: q.providerId,
          since: at(q.inRoomMin ?? q.calledMin ?? now),
          expectedMinutes: expected(q),
        })),
      waiting: waiting.map((q) => ({
        id: q.visitId,
        providerId: q.walkIn ? null : q.providerId,
        queuedAt: at(q.waitingSince!),
        notBefore: q.walkIn ? null : at(q.scheduledMin),
        expectedMinutes: expected(q),
      })),
    });
    // Today's formula, exactly as the kiosk ticket and the wallboard computed it (before rounding).
    const old = estimateWaits({
      queueLength: waiting.length,
      parallel: Math.min(roomsInService, providers.length || 1),
      minutesPerPatient: 15,
    });
    const place = waiting.findIndex((q) => q.visitId === o.p.visitId);
    this.records.push({
      visitId: o.p.visitId,
      kind: o.p.kind,
      walkIn: o.p.walkIn,
      model: model.get(o.p.visitId) ?? 0,
      old: old[place] ?? 0,
      actual: null,
    });
  }

  called(p: Patient, now: number): void {
    const r = this.records.findLast((x) => x.visitId === p.visitId && x.actual === null);
    if (r) r.actual = now - p.waitingSince!;
  }

  /** A visit ended: its in-room time joins what the model learns (today's count too, as on the server). */
  finished(p: Patient, now: number, providerName: string | null): void {
    if (p.inRoomMin === null) return;
    this.#today.push({
      kind: p.kind,
      providerId: providerName,
      start: instant(this.#day, p.inRoomMin),
      end: instant(this.#day, now),
      scheduledAt: p.walkIn ? null : instant(this.#day, p.scheduledMin),
      calledAt: p.calledMin === null ? null : instant(this.#day, p.calledMin),
    });
    this.#stats = learnWaitStats([...this.#history, ...this.#today]);
  }

  summary(filter: (r: WaitRecord) => boolean = () => true): {
    model: ErrorStats;
    old: ErrorStats;
    improvement_pct: number;
  } {
    const done = this.records.filter((r) => r.actual !== null && filter(r));
    const model = errorStats(done.map((r) => Math.abs(r.model - r.actual!)));
    const old = errorStats(done.map((r) => Math.abs(r.old - r.actual!)));
    return { model, old, improvement_pct: old.median > 0 ? (1 - model.median / old.median) * 100 : NaN };
  }
}
