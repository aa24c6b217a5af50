/**
 * Runs tasks one after another. A clinic's commands go through one queue so that, within this process, events
 * are committed and emitted in seq order (across processes the clinic row lock and `prev` links take over).
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined).finally(() => this.#pending--);
    return result;
  }

  /** Resolves when everything queued so far has finished (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
  }
}
