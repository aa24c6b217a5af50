import { newCommandId, type RealtimeView } from '@clinicflow/realtime-client';
import {
  worthRetrying,
  type Command,
  type CommandResult,
  type CommandType,
  type InputOf,
} from '@clinicflow/contracts';
import { Outbox } from '$lib/outbox';
import type { Step } from './screen.svelte';

export type Realtime = RealtimeView<'kiosk'>;
// A method, so a handler written for one command's result is stored beside the others (each pairs with its command).
export type Pending = { command: Command; onResult(result: CommandResult): void };
type Sent<T extends CommandType> = { type: T } & InputOf<T> & { commandId: string };

/** A command and what to do with its own result. */
export function pend<T extends CommandType>(
  command: Sent<T>,
  onResult: (result: CommandResult<T>) => void,
): Pending {
  return { command: command as Command, onResult };
}

/** What delivery needs of the screen: where the patient is, and a way to the "not sent yet" step. */
type Screen = { readonly step: Step; go(step: Step): void };

/**
 * Commands: saved to the outbox before sending, delivered once, even across a reload. One at a time, and a
 * lookup holds the same line: `busy` is true while either waits for the server.
 * Construct it during component init, as it registers effects.
 */
export class Delivery {
  readonly #rt: Realtime;
  readonly #screen: Screen;
  readonly #outbox = new Outbox(typeof localStorage === 'undefined' ? null : localStorage);
  #busy = $state(false);
  #pending = $state.raw<Pending | null>(null);
  #failedWhileLive = false;
  #wasLive = false;

  constructor(rt: Realtime, screen: Screen) {
    this.#rt = rt;
    this.#screen = screen;

    // Back online: send what is waiting. A failure while connected waits a little before trying again.
    $effect(() => {
      const live = this.#rt.status === 'live';
      const waiting = this.#pending !== null;
      if (live && !this.#wasLive && waiting) void this.attempt();
      this.#wasLive = live;
    });
    $effect(() => {
      if (!this.#pending || this.#busy || this.#rt.status !== 'live' || !this.#failedWhileLive) return;
      const timer = setTimeout(() => void this.attempt(), 5000);
      return () => clearTimeout(timer);
    });
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** A lookup (not a command, nothing to resend): busy while it waits. */
  async asking<R>(ask: () => Promise<R>): Promise<R> {
    this.#busy = true;
    const answer = await ask();
    this.#busy = false;
    return answer;
  }

  /** After a reload mid-flow: what was in flight waits to be sent, answered as `recover` says. */
  restore(recover: (command: Command) => Pending): boolean {
    const saved = this.#outbox.get(Date.now());
    if (!saved) return false;
    this.#pending = recover(saved.command);
    return true;
  }

  async dispatch<T extends CommandType>(
    input: { type: T } & InputOf<T>,
    onResult: (result: CommandResult<T>) => void,
  ): Promise<void> {
    if (this.#pending) return;
    const pending = pend({ ...input, commandId: newCommandId() }, onResult);
    this.#outbox.put(pending.command, Date.now());
    this.#pending = pending;
    await this.attempt();
  }

  attempt = async (): Promise<void> => {
    const sending = this.#pending;
    if (!sending || this.#busy) return;
    this.#busy = true;
    const result: CommandResult =
      typeof navigator !== 'undefined' && navigator.onLine === false
        ? { ok: false, code: 'OFFLINE', message: 'offline' }
        : await this.#rt.command(sending.command);
    this.#busy = false;
    const current = this.#pending;
    if (!current || current.command.commandId !== sending.command.commandId) return;
    if (!result.ok && worthRetrying(result.code)) {
      // Not delivered (or not acknowledged): kept, and sent again with the same commandId.
      this.#failedWhileLive = this.#rt.status === 'live';
      const step = this.#screen.step;
      if (step !== 'welcome' && step !== 'offline') this.#screen.go('offline');
      return;
    }
    this.#outbox.clear(sending.command.commandId);
    this.#pending = null;
    current.onResult(result);
  };

  online = (): void => {
    if (this.#pending && this.#rt.status === 'live') void this.attempt();
  };

  /** The patient has gone: nothing waits on the server any more for them. */
  reset(): void {
    this.#busy = false;
    // A command still unsent is delivered in the background; its result is no longer shown to anyone.
    if (this.#pending) this.#pending = { command: this.#pending.command, onResult: () => {} };
  }
}
