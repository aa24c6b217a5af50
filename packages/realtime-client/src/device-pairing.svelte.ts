/// <reference types="svelte" />
import type { DeviceInfo } from '@clinicflow/contracts';
import type { AuthError } from './connection-policy';
import {
  DevicePairingMachine,
  formatPairingCode,
  type DevicePairingOptions,
  type PairedClinic,
  type PairingProblem,
  type PairingSnapshot,
} from './device-pairing';

export type DevicePairingInit = Omit<DevicePairingOptions, 'store'> & {
  /** localStorage when omitted. */
  store?: DevicePairingOptions['store'];
};

/**
 * Runes state for a kiosk or wallboard: its pairing code while unpaired, its device once paired. start() it when
 * the screen mounts, stop() when it goes away, forget() when the server refuses or revokes the token.
 */
export class DevicePairing {
  #snapshot = $state.raw<PairingSnapshot>({ phase: 'starting', problem: null });
  #nowMs = $state(Date.now());
  #machine: DevicePairingMachine;
  #ticker: ReturnType<typeof setInterval> | null = null;
  /** The server refused this device for the screen's view: it was paired as another type. */
  #forbidden = $state(false);

  constructor(init: DevicePairingInit) {
    this.#machine = new DevicePairingMachine(
      { ...init, store: init.store ?? globalThis.localStorage },
      (snapshot) => {
        this.#snapshot = snapshot;
        // A device that was dropped and paired again starts without the old refusal.
        if (snapshot.phase !== 'paired') this.#forbidden = false;
      },
    );
  }

  get phase(): PairingSnapshot['phase'] {
    return this.#snapshot.phase;
  }
  /** The code as people read it, `ABC-123`; null unless waiting for an admin. */
  get code(): string | null {
    return this.#snapshot.phase === 'pending' ? formatPairingCode(this.#snapshot.code) : null;
  }
  /**
   * Minutes until the code is replaced, to the nearest minute (the expiry is known to a second or two), 0 in the
   * last minute; ticking; null without a code.
   */
  get minutesLeft(): number | null {
    if (this.#snapshot.phase !== 'pending') return null;
    const ms = this.#snapshot.expiresAtMs - this.#nowMs;
    return ms < 60_000 ? 0 : Math.round(ms / 60_000);
  }
  get problem(): PairingProblem | null {
    return this.#snapshot.phase === 'paired' ? null : this.#snapshot.problem;
  }
  get device(): DeviceInfo | null {
    return this.#snapshot.phase === 'paired' ? this.#snapshot.device : null;
  }
  /** The clinic's name and time zone, once paired (null from a server that does not send them). */
  get clinic(): PairedClinic | null {
    return this.#snapshot.phase === 'paired' ? this.#snapshot.clinic : null;
  }
  /** Paired, but as a device type this screen cannot be (the server said FORBIDDEN, or `accepts` says no). */
  wrongType(accepts: (type: DeviceInfo['type']) => boolean): boolean {
    const device = this.device;
    return device !== null && (this.#forbidden || !accepts(device.type));
  }
  /** For connectView's deviceToken: read on every (re)connect. */
  readonly token = (): string | null => this.#machine.token;

  start(): void {
    this.#machine.start();
    this.#ticker ??= setInterval(() => (this.#nowMs = Date.now()), 1000);
  }

  stop(): void {
    this.#machine.stop();
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = null;
  }

  forget(): void {
    this.#forbidden = false;
    this.#machine.forget();
  }

  /** The server refused the token: FORBIDDEN means the wrong type of screen; anything else, start pairing again. */
  refused(error: AuthError): void {
    if (error === 'FORBIDDEN') this.#forbidden = true;
    else this.forget();
  }
}
