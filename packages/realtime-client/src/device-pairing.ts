import { routePath, type DeviceInfo, type DeviceStatus, type PairingRequest } from '@clinicflow/contracts';

/** The part of `Storage` the pairing keeps its token and device in (localStorage in a browser). */
export type DeviceStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Why the screen is not showing a fresh code right now; the screen explains it in a line. */
export type PairingProblem = 'offline' | 'rate_limited';

export type PairingSnapshot =
  | { phase: 'starting'; problem: PairingProblem | null }
  | {
      phase: 'pending';
      /** As the server sent it (6 characters); show it with formatPairingCode. */
      code: string;
      /** When the code stops working, on this device's clock. */
      expiresAtMs: number;
      problem: PairingProblem | null;
    }
  | { phase: 'paired'; device: DeviceInfo; clinic: PairedClinic | null; token: string };

/** What a paired device is told about its clinic: times on screen use its time zone. */
export type PairedClinic = { name: string; timezone: string };

type Paired = { device: DeviceInfo; clinic: PairedClinic | null };

export type DevicePairingOptions = {
  /** Keys in the store are prefixed with this, so a kiosk and a wallboard on one origin keep separate tokens. */
  storageKey: string;
  store: DeviceStore;
  fetch?: typeof fetch;
  /** Server origin; the page's own when omitted. */
  baseUrl?: string;
  /** How often to ask whether an admin has entered the code. */
  pollMs?: number;
  /** How often a paired device checks it is still paired (the socket's deviceRevoked is the fast path). */
  pairedCheckMs?: number;
  /** Pause after a network failure. */
  retryMs?: number;
  now?: () => number;
};

export function formatPairingCode(code: string): string {
  const plain = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return plain.length === 6 ? `${plain.slice(0, 3)}-${plain.slice(3)}` : plain;
}

type Outcome<T> =
  | { kind: 'ok'; value: T; serverNowMs: number | null }
  | { kind: 'unauthenticated' }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'offline' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A device's pairing, without UI: asks for a code, polls until an admin enters it, keeps the token, and starts
 * over when the token stops working (expired code, revoked device). Publishes each change to `onChange`.
 */
export class DevicePairingMachine {
  #options: Required<Omit<DevicePairingOptions, 'baseUrl' | 'fetch'>> & {
    baseUrl: string;
    fetch: typeof fetch;
  };
  #onChange: (snapshot: PairingSnapshot) => void;
  #snapshot: PairingSnapshot = { phase: 'starting', problem: null };
  /** Bumped by start/stop/forget: a loop whose generation is stale exits at its next step. */
  #generation = 0;
  #running = false;

  constructor(options: DevicePairingOptions, onChange: (snapshot: PairingSnapshot) => void) {
    this.#options = {
      pollMs: 2000,
      pairedCheckMs: 60_000,
      retryMs: 5000,
      now: () => Date.now(),
      baseUrl: '',
      // Bound, so a test's or the page's fetch is called with the right `this`.
      fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
      ...options,
    };
    this.#onChange = onChange;
  }

  get snapshot(): PairingSnapshot {
    return this.#snapshot;
  }

  /** The stored token, whether paired or still pending. */
  get token(): string | null {
    return this.#store.getItem(this.#key('token'));
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#loop(++this.#generation);
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
  }

  /** Wipes the token and device (revoked, or refused by the server) and, if running, asks for a new code. */
  forget(): void {
    this.#store.removeItem(this.#key('token'));
    this.#store.removeItem(this.#key('device'));
    this.#publish({ phase: 'starting', problem: null });
    if (this.#running) void this.#loop(++this.#generation);
  }

  get #store(): DeviceStore {
    return this.#options.store;
  }

  #key(name: 'token' | 'device'): string {
    return `${this.#options.storageKey}.${name}`;
  }

  #publish(snapshot: PairingSnapshot): void {
    this.#snapshot = snapshot;
    this.#onChange(snapshot);
  }

  #cachedDevice(): Paired | null {
    try {
      const raw = this.#store.getItem(this.#key('device'));
      const parsed = raw ? (JSON.parse(raw) as Partial<Paired>) : null;
      return parsed?.device ? { device: parsed.device, clinic: parsed.clinic ?? null } : null;
    } catch {
      return null;
    }
  }

  async #loop(generation: number): Promise<void> {
    const live = () => generation === this.#generation;
    const { pollMs, pairedCheckMs, retryMs, now } = this.#options;
    let failures = 0;
    while (live()) {
      let token = this.token;
      if (!token) {
        const requested = await this.#request<PairingRequest>('POST', 'requestPairing', null);
        if (!live()) return;
        if (requested.kind !== 'ok') {
          const wait = requested.kind === 'rate_limited' ? requested.retryAfterMs : retryMs;
          this.#publish(this.#withProblem(requested.kind === 'rate_limited' ? 'rate_limited' : 'offline'));
          await sleep(wait);
          continue;
        }
        token = requested.value.token;
        this.#store.setItem(this.#key('token'), token);
        this.#publishPending(requested.value.code, requested.value.expiresAt, requested.serverNowMs);
      }

      const status = await this.#request<DeviceStatus>('GET', 'deviceStatus', token);
      if (!live()) return;
      if (status.kind === 'unauthenticated') {
        // Unknown, expired or revoked: start over with a new code. Back off if the server keeps refusing
        // fresh tokens, so a misbehaving server is not asked for a code in a tight loop.
        this.#store.removeItem(this.#key('token'));
        this.#store.removeItem(this.#key('device'));
        this.#publish({ phase: 'starting', problem: null });
        if (failures++ > 0) await sleep(Math.min(retryMs * failures, 60_000));
        continue;
      }
      if (status.kind !== 'ok') {
        // Offline with a device known from before: keep working as that device; the socket decides later.
        const cached = this.#cachedDevice();
        if (this.#snapshot.phase === 'paired') {
          // Already working as the paired device: nothing to show.
        } else if (cached && this.#snapshot.phase === 'starting') {
          this.#publish({ phase: 'paired', ...cached, token });
        } else {
          this.#publish(this.#withProblem('offline'));
        }
        await sleep(retryMs);
        continue;
      }
      failures = 0;
      const value = status.value;
      if (value.state === 'paired') {
        const paired: Paired = { device: value.device, clinic: value.clinic ?? null };
        this.#store.setItem(this.#key('device'), JSON.stringify(paired));
        const current = this.#snapshot;
        if (
          current.phase !== 'paired' ||
          current.token !== token ||
          JSON.stringify({ device: current.device, clinic: current.clinic }) !== JSON.stringify(paired)
        ) {
          this.#publish({ phase: 'paired', ...paired, token });
        }
        await sleep(pairedCheckMs);
        continue;
      }
      this.#publishPending(value.code, value.expiresAt, status.serverNowMs);
      const pending = this.#snapshot;
      if (pending.phase === 'pending' && now() >= pending.expiresAtMs) {
        // The server will refuse this token from now on; ask for a new code rather than wait for the 401.
        this.#store.removeItem(this.#key('token'));
        continue;
      }
      await sleep(pollMs);
    }
  }

  #withProblem(problem: PairingProblem): PairingSnapshot {
    const current = this.#snapshot;
    return current.phase === 'pending' ? { ...current, problem } : { phase: 'starting', problem };
  }

  #publishPending(code: string, expiresAt: string, serverNowMs: number | null): void {
    // NOTE: the expiry is moved onto this device's clock through the response's Date header, so a kiosk whose
    // clock is off does not throw away every fresh code (or keep showing a dead one).
    const localNow = this.#options.now();
    const expiresAtMs = Date.parse(expiresAt) - (serverNowMs ?? localNow) + localNow;
    const current = this.#snapshot;
    if (current.phase === 'pending' && current.code === code && current.problem === null) {
      // Keep the first estimate: the Date header has only whole seconds, so the expiry would jitter.
      return;
    }
    this.#publish({ phase: 'pending', code, expiresAtMs, problem: null });
  }

  async #request<T>(
    method: 'GET' | 'POST',
    route: 'requestPairing' | 'deviceStatus',
    token: string | null,
  ): Promise<Outcome<T>> {
    let response: Response;
    try {
      response = await this.#options.fetch(`${this.#options.baseUrl}${routePath(route)}`, {
        method,
        headers: token ? { authorization: `Device ${token}` } : {},
        cache: 'no-store',
      });
    } catch {
      return { kind: 'offline' };
    }
    if (response.status === 401) return { kind: 'unauthenticated' };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : 30_000;
      return { kind: 'rate_limited', retryAfterMs };
    }
    if (!response.ok) return { kind: 'offline' };
    try {
      // NOTE: the Date header drops the milliseconds: +500 ms is the expected true time, so a fresh 15-minute code
      // reads "15 minutes", not 16.
      const date = Date.parse(response.headers.get('date') ?? '') + 500;
      return {
        kind: 'ok',
        value: (await response.json()) as T,
        serverNowMs: Number.isFinite(date) ? date : null,
      };
    } catch {
      return { kind: 'offline' };
    }
  }
}
