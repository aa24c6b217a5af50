/**
 * Estimated minutes until each waiting patient is called, in queue order: patients are seen `parallel` at a
 * time and each takes `minutesPerPatient`. A rough figure a waiting room can trust to within a few minutes.
 */
export function estimateWaits(input: {
  queueLength: number;
  parallel: number;
  minutesPerPatient: number;
}): number[] {
  const parallel = Math.max(1, Math.floor(input.parallel));
  return Array.from(
    { length: input.queueLength },
    (_, i) => Math.floor(i / parallel) * input.minutesPerPatient,
  );
}

/** "about 10 min": rounded up to 5 minutes so the number does not flicker. */
export function roundWait(minutes: number): number {
  return minutes <= 0 ? 0 : Math.ceil(minutes / 5) * 5;
}

/** A patient in the waiting room: joined the queue at `queuedAt` (the status time when unknown). */
export type Queued = { id: string; queuedAt: string | null; statusSince: string };

/**
 * The waiting room in the order patients are called, with each one's rounded estimate: first queued first, as
 * many at a time as rooms are in service (never more than there are providers).
 */
export function queueEstimates<Q extends Queued>(input: {
  waiting: readonly Q[];
  roomsInService: number;
  providers: number;
  minutesPerPatient?: number;
}): { visit: Q; estimatedMinutes: number }[] {
  const ordered = [...input.waiting].sort(
    (a, b) =>
      (a.queuedAt ?? a.statusSince).localeCompare(b.queuedAt ?? b.statusSince) || a.id.localeCompare(b.id),
  );
  const waits = estimateWaits({
    queueLength: ordered.length,
    parallel: Math.min(input.roomsInService, input.providers || 1),
    minutesPerPatient: input.minutesPerPatient ?? 15,
  });
  return ordered.map((visit, i) => ({ visit, estimatedMinutes: roundWait(waits[i] ?? 0) }));
}
