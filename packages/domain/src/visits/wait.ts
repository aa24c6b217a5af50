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
