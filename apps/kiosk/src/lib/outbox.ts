import type { Command } from '@clinicflow/contracts';

/** The one kiosk command not yet acknowledged by the server, kept across reloads. */
export type OutboxEntry = { command: Command; savedAt: number };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Older than this, an entry is dropped unsent: the patient has long gone and the desk has handled them. */
export const outboxMaxAgeMs = 4 * 60 * 60_000;

/**
 * A write-ahead outbox of one command: saved before sending, removed once the server answered. Resending is
 * safe because the server applies a commandId once and answers a repeat with the first result.
 * NOTE: the kiosk flow is sequential (one command in flight), so one slot is enough.
 */
export class Outbox {
  readonly #store: Store | null;
  readonly #key: string;

  constructor(store: Store | null, key = 'clinicflow.kiosk.outbox') {
    this.#store = store;
    this.#key = key;
  }

  put(command: Command, now: number): void {
    const entry: OutboxEntry = { command, savedAt: now };
    try {
      this.#store?.setItem(this.#key, JSON.stringify(entry));
    } catch {
      // Storage full or disabled: the command is still sent; only the reload guarantee is lost.
    }
  }

  /** The pending entry, or null (and a stale or unreadable one is dropped). */
  get(now: number): OutboxEntry | null {
    let raw: string | null = null;
    try {
      raw = this.#store?.getItem(this.#key) ?? null;
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const entry = JSON.parse(raw) as OutboxEntry;
      const valid =
        typeof entry?.savedAt === 'number' &&
        typeof entry.command?.commandId === 'string' &&
        typeof entry.command.type === 'string';
      if (valid && now - entry.savedAt <= outboxMaxAgeMs && entry.savedAt <= now + 60_000) return entry;
    } catch {
      // fall through: unreadable
    }
    this.#remove();
    return null;
  }

  /** Delivered (or refused for good): forget it, unless a newer command took its place. */
  clear(commandId: string): void {
    try {
      const raw = this.#store?.getItem(this.#key);
      if (!raw) return;
      const entry = JSON.parse(raw) as OutboxEntry;
      if (entry.command?.commandId === commandId) this.#remove();
    } catch {
      this.#remove();
    }
  }

  #remove(): void {
    try {
      this.#store?.removeItem(this.#key);
    } catch {
      // nothing to do
    }
  }
}
