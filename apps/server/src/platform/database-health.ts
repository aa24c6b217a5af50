import type { Logger } from 'pino';

export type DatabaseStatus = 'up' | 'down';

/**
 * Whether the database answers, as one fact for the whole server: probed every few seconds (every second while
 * down) and at once when a query fails for want of a connection. Screens are told when it changes.
 */
export class DatabaseHealth {
  readonly #ping: () => Promise<void>;
  readonly #logger: Logger;
  readonly #listeners = new Set<(status: DatabaseStatus) => void>();
  #status: DatabaseStatus = 'up';
  #timer: ReturnType<typeof setTimeout> | null = null;
  #probing: Promise<DatabaseStatus> | null = null;
  #stopped = false;
  static readonly upIntervalMs = 5_000;
  static readonly downIntervalMs = 1_000;
  static readonly pingTimeoutMs = 3_000;

  constructor(ping: () => Promise<void>, logger: Logger) {
    this.#ping = ping;
    this.#logger = logger;
  }

  get status(): DatabaseStatus {
    return this.#status;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  onChange(listener: (status: DatabaseStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A query failed because the database could not be reached: find out now rather than at the next probe. */
  failed(error: unknown): void {
    // Once per outage is enough in the log; every refused request is not news.
    if (this.#status === 'up') this.#logger.warn({ err: error }, 'database unreachable');
    void this.probe();
  }

  /** Asks the database once (one probe at a time) and records the answer. */
  probe(): Promise<DatabaseStatus> {
    this.#probing ??= this.#pingOnce()
      .then((status) => {
        this.#set(status);
        return status;
      })
      .finally(() => {
        this.#probing = null;
        this.#schedule();
      });
    return this.#probing;
  }

  async #pingOnce(): Promise<DatabaseStatus> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database ping timed out')), DatabaseHealth.pingTimeoutMs);
    });
    try {
      await Promise.race([this.#ping(), timeout]);
      return 'up';
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }

  #set(status: DatabaseStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    if (status === 'down') this.#logger.error('database is down: changes are refused until it is back');
    else this.#logger.info('database is back');
    for (const listener of this.#listeners) listener(status);
  }

  #schedule(): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    const ms = this.#status === 'up' ? DatabaseHealth.upIntervalMs : DatabaseHealth.downIntervalMs;
    this.#timer = setTimeout(() => void this.probe(), ms);
    this.#timer.unref();
  }
}
