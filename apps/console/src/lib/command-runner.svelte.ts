import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { CommandFailure, CommandResult, CommandType, InputOf } from '@clinicflow/contracts';
import { messages as t } from './messages';
import { toasts as shellToasts } from './toast.svelte';

/** The live connection as the runner uses it (`getLive()` in a page; a fake in unit tests). */
export type CommandPort = {
  commandWhenLive<T extends CommandType>(
    input: { type: T; commandId?: string } & InputOf<T>,
    options?: { onWaiting?: () => void },
  ): Promise<CommandResult<T>>;
};

export type RunOptions = {
  /** The quiet toast shown on success. */
  success: string;
  /** The page's own words for a refusal; receives the default explanation to extend or replace. */
  explain?: (failure: CommandFailure, text: string) => string;
};

/** What a refusal says by default: translated when the code is the console's own, else the server's words. */
function explainRefusal(failure: CommandFailure): string {
  if (failure.code === 'STALE_VERSION') return t.refused.STALE_VERSION;
  if (failure.code === 'OFFLINE' || failure.code === 'UNAVAILABLE') return t.refused.offline;
  return failure.issues?.map((i) => i.message).join('; ') || failure.message;
}

/**
 * Sends commands for one page and keeps, per target (the row, room or section acted on), whether one is in
 * flight and the refusal to show next to that control. Success is a toast in the shell; refusals stay put until
 * the next try or a dismiss.
 */
export class CommandRunner {
  readonly #port: CommandPort;
  readonly #toasts: { show(text: string): void };
  readonly #pending = new SvelteSet<string>();
  readonly #refusals = new SvelteMap<string, string>();

  constructor(port: CommandPort, options: { toasts?: { show(text: string): void } } = {}) {
    this.#port = port;
    this.#toasts = options.toasts ?? shellToasts;
  }

  /** A command for `target` is in flight: its controls show it and stay disabled. */
  pending(target: string): boolean {
    return this.#pending.has(target);
  }

  refusal(target: string): string | undefined {
    return this.#refusals.get(target);
  }

  dismiss(target: string): void {
    this.#refusals.delete(target);
  }

  /** A problem the page found before sending (an empty field), shown where a refusal would be. */
  refuse(target: string, text: string): void {
    this.#refusals.set(target, text);
  }

  /**
   * Sends `input` for `target` and answers with that command's own result; null (nothing sent) while an earlier
   * command for the target is still in flight.
   */
  async run<T extends CommandType>(
    target: string,
    input: { type: T; commandId?: string } & InputOf<T>,
    options: RunOptions,
  ): Promise<CommandResult<T> | null> {
    if (this.#pending.has(target)) return null;
    this.#refusals.delete(target);
    this.#pending.add(target);
    let result: CommandResult<T>;
    try {
      result = await this.#port.commandWhenLive(input, {
        onWaiting: () => this.#refusals.set(target, t.refused.waiting),
      });
    } finally {
      this.#pending.delete(target);
      this.#refusals.delete(target);
    }
    if (result.ok) {
      this.#toasts.show(options.success);
    } else {
      const text = explainRefusal(result);
      this.#refusals.set(target, options.explain ? options.explain(result, text) : text);
    }
    return result;
  }
}
