/**
 * Estimated minutes until each waiting patient is called, in queue order: patients are seen `parallel` at a
 * time and each takes `minutesPerPatient`. The old estimate, kept as the accuracy bench's baseline.
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

/** "about 10 min": to the nearest 5 minutes so the number does not flicker; 0 ("soon") under 3 minutes. */
export function roundWait(minutes: number): number {
  return minutes < 3 ? 0 : Math.max(5, Math.round(minutes / 5) * 5);
}
