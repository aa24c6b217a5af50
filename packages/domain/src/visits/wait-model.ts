/**
 * The wait model: when each waiting patient is likely called, from each provider's queue, the in-room time
 * learned per kind of visit from the clinic's own history, the time the patients now in rooms have already
 * spent there, and the providers' announced delays. Pure: the server learns and passes `now`.
 */

/** One finished visit in the clinic's history: its kind, provider and in-room interval (ISO times). */
export type DurationSample = {
  kind: string | null;
  providerId: string | null;
  start: string;
  end: string;
  /** Its appointment time and when it was called, to learn how early the clinic calls a patient who is there. */
  scheduledAt?: string | null;
  calledAt?: string | null;
};

/** What the model learned from history: in-room minutes per kind and how many rooms each provider keeps going. */
export type WaitStats = {
  kinds: Record<string, { minutes: number; samples: number }>;
  all: { minutes: number; samples: number };
  /** Patients a provider usually has in rooms at once (a provider with two rooms sees one while the other waits). */
  parallel: Record<string, number>;
  /** How many minutes before their appointment a patient already there is called, at most (the clinic's habit). */
  earlyCallMinutes: number;
};

export const waitDefaults = {
  /** Until a kind has this many finished visits, its default (then the clinic's overall median) stands in. */
  minSamples: 5,
  /** In-room minutes when the clinic has no history at all. */
  minutes: 15,
  /** A patient in a room past the expected time is still expected to need this much more. */
  minRemaining: 3,
} as const;

export const emptyWaitStats: WaitStats = {
  kinds: {},
  all: { minutes: 0, samples: 0 },
  parallel: {},
  earlyCallMinutes: 0,
};

/** The kind a visit's in-room time is learned by. NOTE: the reason until appointment types exist; then `typeId`. */
export const visitKind = (visit: { reason: string | null }): string | null =>
  visit.reason?.trim().toLowerCase() || null;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Nearest-rank quantile. */
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

const minutesOf = (s: DurationSample) => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;

/** A visit left open all day or closed by mistake at once says nothing about how long visits take. */
const plausible = (m: number) => Number.isFinite(m) && m >= 1 && m <= 240;

/** Medians per kind and overall (robust to the odd visit left open), and each provider's usual rooms in use. */
export function learnWaitStats(samples: readonly DurationSample[]): WaitStats {
  const valid = samples.filter((s) => plausible(minutesOf(s)));
  const byKind = new Map<string, number[]>();
  for (const s of valid) if (s.kind) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), minutesOf(s)]);
  const kinds = Object.fromEntries(
    [...byKind].map(([kind, ms]) => [kind, { minutes: median(ms), samples: ms.length }]),
  );
  const all = valid.length
    ? { minutes: median(valid.map(minutesOf)), samples: valid.length }
    : emptyWaitStats.all;
  // Called before their time: how early. The 90th percentile: the clinic's limit, not its quiet moments.
  const early = valid.flatMap((s) => {
    if (!s.scheduledAt || !s.calledAt) return [];
    const m = (Date.parse(s.scheduledAt) - Date.parse(s.calledAt)) / 60_000;
    return m > 0 && m <= 60 ? [m] : [];
  });
  const earlyCallMinutes = early.length >= waitDefaults.minSamples ? quantile(early, 0.9) : 0;
  return { kinds, all, parallel: learnParallel(valid), earlyCallMinutes };
}

/**
 * Per provider: how many of their patients were in rooms at the moment each of their visits began, at the 90th
 * percentile: the rooms they keep going when busy (a quiet hour with one patient says nothing about capacity).
 */
function learnParallel(samples: readonly DurationSample[]): Record<string, number> {
  const byProvider = new Map<string, { start: number; end: number }[]>();
  for (const s of samples) {
    if (!s.providerId) continue;
    const list = byProvider.get(s.providerId) ?? [];
    list.push({ start: Date.parse(s.start), end: Date.parse(s.end) });
    byProvider.set(s.providerId, list);
  }
  const out: Record<string, number> = {};
  for (const [id, list] of byProvider) {
    const counts = list.map((a) => list.filter((b) => b.start <= a.start && a.start < b.end).length);
    out[id] = Math.max(1, quantile(counts, 0.9));
  }
  return out;
}

/** Expected in-room minutes of a kind: its median once learned, else its default, else the clinic's median. */
export function expectedMinutes(
  stats: WaitStats,
  kind: string | null,
  defaults: { kinds?: Record<string, number>; minutes?: number; minSamples?: number } = {},
): number {
  const min = defaults.minSamples ?? waitDefaults.minSamples;
  const learned = kind ? stats.kinds[kind] : undefined;
  if (learned && learned.samples >= min) return learned.minutes;
  const byDefault = kind ? defaults.kinds?.[kind] : undefined;
  if (byDefault !== undefined) return byDefault;
  return stats.all.samples >= min ? stats.all.minutes : (defaults.minutes ?? waitDefaults.minutes);
}

/** A patient in a room (or called to one), with the in-room minutes expected for their kind. */
export type InService = { id: string; providerId: string | null; since: string; expectedMinutes: number };

/** A waiting patient; `notBefore` is their appointment time (null for a walk-in). */
export type WaitingPatient = {
  id: string;
  providerId: string | null;
  queuedAt: string;
  notBefore: string | null;
  expectedMinutes: number;
};

export type QueueInput = {
  now: Date;
  providers: readonly { id: string; delayMinutes: number }[];
  roomsInService: number;
  inService: readonly InService[];
  /** Any order: the model sorts by `queuedAt` (then id), first come first served. */
  waiting: readonly WaitingPatient[];
  /** Patients each provider has in rooms at once, learned; 1 when unknown. */
  parallel?: Record<string, number>;
  /** A booked patient who is there may be called this many minutes before their appointment. */
  earlyCallMinutes?: number;
  minRemaining?: number;
};

type Slot = { providerId: string; freeAt: number };

/**
 * Minutes until each waiting patient is called (unrounded, never negative). Simulates the calls: whenever a
 * provider has a free slot and a room is free, the first patient in line who may be called is called; a booked
 * patient is not called before their appointment time (less the clinic's usual early call) plus their provider's
 * announced delay; a walk-in (or a
 * patient of a provider not on shift) takes the first free provider.
 */
export function estimateQueue(input: QueueInput): Map<string, number> {
  const now = input.now.getTime();
  const minRemaining = (input.minRemaining ?? waitDefaults.minRemaining) * 60_000;
  const finish = (v: InService) =>
    Math.max(Date.parse(v.since) + v.expectedMinutes * 60_000, now + minRemaining);
  const early = (input.earlyCallMinutes ?? 0) * 60_000;
  const delay = new Map(input.providers.map((p) => [p.id, Math.max(0, p.delayMinutes) * 60_000]));

  const slots: Slot[] = [];
  for (const p of input.providers) {
    const busy = input.inService.filter((v) => v.providerId === p.id).map(finish);
    const count = Math.max(1, input.parallel?.[p.id] ?? 1, busy.length);
    for (let i = 0; i < count; i++) slots.push({ providerId: p.id, freeAt: busy[i] ?? now });
  }
  const roomCount = Math.max(1, Math.floor(input.roomsInService));
  // No provider on the board: any room's next patient is seen by whoever comes.
  if (!slots.length) for (let i = 0; i < roomCount; i++) slots.push({ providerId: '', freeAt: now });
  const rooms = input.inService.map(finish).sort((a, b) => a - b);
  // More patients in rooms than rooms in service: the ones finishing last hold the rooms.
  const roomFree = [
    ...rooms.slice(-roomCount),
    ...Array<number>(Math.max(0, roomCount - rooms.length)).fill(now),
  ];

  const pending = [...input.waiting].sort(
    (a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id),
  );
  const out = new Map<string, number>();
  while (pending.length) {
    const room = roomFree.indexOf(Math.min(...roomFree));
    let best: { i: number; slot: Slot; at: number } | null = null;
    for (const [i, v] of pending.entries()) {
      const own = delay.has(v.providerId ?? '') ? slots.filter((s) => s.providerId === v.providerId) : slots;
      const slot = own.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
      const earliest = v.notBefore
        ? Date.parse(v.notBefore) - early + (delay.get(v.providerId ?? '') ?? 0)
        : now;
      const at = Math.max(slot.freeAt, roomFree[room]!, earliest, now);
      if (!best || at < best.at) best = { i, slot, at };
    }
    const { i, slot, at } = best!;
    const visit = pending.splice(i, 1)[0]!;
    out.set(visit.id, (at - now) / 60_000);
    slot.freeAt = at + visit.expectedMinutes * 60_000;
    roomFree[room] = slot.freeAt;
  }
  return out;
}
