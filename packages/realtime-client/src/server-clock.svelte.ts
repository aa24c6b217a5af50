/// <reference types="svelte" />
/** A ticking "now" on the server's clock, for durations and the wall clock. */
export class ServerClock {
  #nowMs = $state(0);
  #timer: ReturnType<typeof setInterval>;

  constructor(serverNow: () => Date, everyMs = 1000) {
    this.#nowMs = serverNow().getTime();
    this.#timer = setInterval(() => (this.#nowMs = serverNow().getTime()), everyMs);
  }

  get ms(): number {
    return this.#nowMs;
  }

  minutesSince(iso: string): number {
    return Math.max(0, Math.floor((this.#nowMs - Date.parse(iso)) / 60_000));
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
