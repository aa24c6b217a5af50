import type { ConnectionStatus } from '@clinicflow/realtime-client';
import { displayLiveness, lastLiveAt } from './liveness';

type Socket = { readonly status: ConnectionStatus; readonly lastLiveAt: Date | null };

/** The server's health check, also used before the daily self-check reloads the page. */
export async function serverAnswers(timeoutMs = 4000): Promise<boolean> {
  try {
    const response = await fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Live or not, as the display shows it: the socket's status, checked by a health probe every few seconds. */
export class LiveWatch {
  #failures = $state(0);
  #confirmedMs = $state<number | null>(null);
  #timer: ReturnType<typeof setInterval>;
  #socket: Socket;
  #probing = false;

  constructor(socket: Socket, everyMs = 5000) {
    this.#socket = socket;
    this.#timer = setInterval(() => void this.#probe(), everyMs);
  }

  get status(): ConnectionStatus {
    return displayLiveness({ socket: this.#socket.status, probeFailures: this.#failures });
  }
  get lastLiveAt(): Date | null {
    return lastLiveAt(this.#socket.lastLiveAt, this.#confirmedMs);
  }

  async #probe(): Promise<void> {
    if (this.#probing) return; // never stack probes on a slow network
    this.#probing = true;
    const wasLive = this.status === 'live';
    const ok = await serverAnswers();
    this.#probing = false;
    this.#failures = ok ? 0 : this.#failures + 1;
    if (ok && wasLive && this.#socket.status === 'live') this.#confirmedMs = Date.now();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
