import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentInput } from '../pdf/inputs.js';

type Job = {
  id: number;
  input: DocumentInput;
  resolve: (pdf: Uint8Array) => void;
  reject: (e: Error) => void;
};
type Reply = { id: number; pdf?: Uint8Array; error?: string };

/**
 * Renders documents on worker threads, so a burst of PDFs never holds up the event loop that delivers realtime
 * events. Jobs wait in one queue and go to whichever thread is free.
 */
export class PdfPool {
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Map<Worker, Job>();
  #next = 1;
  #closed = false;

  constructor(size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) this.#spawn();
  }

  #spawn(): void {
    const worker = new Worker(new URL('./boot.mjs', import.meta.url));
    worker.on('message', (reply: Reply) => {
      const job = this.#running.get(worker);
      this.#running.delete(worker);
      if (job && reply.id === job.id) {
        if (reply.pdf) job.resolve(reply.pdf);
        else job.reject(new Error(reply.error ?? 'The document could not be drawn.'));
      }
      this.#idle.push(worker);
      this.#drain();
    });
    worker.on('error', (e) => {
      // A thread that died takes only its own job with it; a fresh one takes its place.
      this.#running.get(worker)?.reject(e);
      this.#running.delete(worker);
      this.#all.splice(this.#all.indexOf(worker), 1);
      if (!this.#closed) {
        this.#spawn();
        this.#drain();
      }
    });
    this.#all.push(worker);
    this.#idle.push(worker);
  }

  #drain(): void {
    while (this.#idle.length && this.#queue.length) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#running.set(worker, job);
      worker.postMessage({ id: job.id, input: job.input });
    }
  }

  render(input: DocumentInput): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('The document pool is closed.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, input, resolve, reject });
      this.#drain();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('The document pool is closed.'));
    await Promise.all(this.#all.map((w) => w.terminate()));
  }
}
