/**
 * What a kiosk may do depends on what it just did: it may check in only the visit its own lookup found, within
 * a few minutes; and repeated failed lookups slow it down, so a kiosk cannot be used to probe for patients.
 * NOTE: kept in memory; with several nodes a kiosk's lookups and check-in must reach the same node (sticky).
 */
export class KioskScope {
  readonly #lookups = new Map<string, { visitId: string; at: number }>();
  readonly #failures = new Map<string, { count: number; last: number }>();
  static readonly lookupValidMs = 5 * 60_000;
  static readonly failureWindowMs = 5 * 60_000;

  recordLookup(deviceId: string, visitId: string | null, now: Date): void {
    if (visitId) {
      this.#lookups.set(deviceId, { visitId, at: now.getTime() });
      this.#failures.delete(deviceId);
      return;
    }
    // The count starts over only after five minutes without a miss: a steady guesser stays slowed.
    const prev = this.#failures.get(deviceId);
    const fresh = !prev || now.getTime() - prev.last > KioskScope.failureWindowMs;
    this.#failures.set(deviceId, { count: fresh ? 1 : prev.count + 1, last: now.getTime() });
  }

  mayCheckIn(deviceId: string, visitId: string, now: Date): boolean {
    const last = this.#lookups.get(deviceId);
    return !!last && last.visitId === visitId && now.getTime() - last.at <= KioskScope.lookupValidMs;
  }

  /** After 3 failed lookups, each further lookup waits 1, 2, 4… seconds, at most 30. */
  delayMs(deviceId: string, now: Date): number {
    const f = this.#failures.get(deviceId);
    if (!f || now.getTime() - f.last > KioskScope.failureWindowMs || f.count < 3) return 0;
    return Math.min(30_000, 1000 * 2 ** (f.count - 3));
  }

  /** The patient is done: forget them. */
  forget(deviceId: string): void {
    this.#lookups.delete(deviceId);
  }
}
