import type { EventEnvelope } from '@clinicflow/domain';

/** The server's `sync` message, independent of the view (see SyncMessage in contracts). */
export type SyncInput<S, E> =
  | { kind: 'snapshot'; state: S; seq: number; serverTime: string }
  | { kind: 'replay'; events: EventEnvelope<E>[]; seq: number; serverTime: string };

export type Reducer<S, E> = (state: S, event: EventEnvelope<E>) => S;

/** What the caller must do after feeding the sequencer one message. */
export type SequencerOutcome = {
  /** State or lastSeq changed: publish them. */
  changed: boolean;
  /** Ask the server for everything after this seq (`resume`), because an event is missing. */
  resume: { lastSeq: number | null } | null;
};

// NOTE: bounded so a flood while waiting for a sync cannot grow memory; the sync covers whatever is dropped.
const maxBuffered = 1000;

/**
 * Applies a scope's event stream strictly in order: buffers until the first sync, drops duplicates,
 * and detects gaps through `prev`. Pure bookkeeping; the socket lives elsewhere.
 */
export class EventSequencer<S, E> {
  #reduce: Reducer<S, E>;
  #state: S | null = null;
  #lastSeq: number | null = null;
  /** True until a sync arrives: after connecting, after a disconnect, and after a gap. */
  #awaitingSync = true;
  #buffer: EventEnvelope<E>[] = [];
  /** Events applied since the last drainApplied(), in the order they were applied. */
  #applied: EventEnvelope<E>[] = [];
  #serverTime: string | null = null;

  constructor(reduce: Reducer<S, E>) {
    this.#reduce = reduce;
  }

  get state(): S | null {
    return this.#state;
  }
  get lastSeq(): number | null {
    return this.#lastSeq;
  }
  get awaitingSync(): boolean {
    return this.#awaitingSync;
  }
  get buffered(): number {
    return this.#buffer.length;
  }
  /**
   * The events applied to the state since the last call, in order (live, buffered or replayed; never a
   * duplicate, never one still waiting behind a gap), for screens that react to an event itself. A snapshot
   * applies none: it replaces the state.
   */
  drainApplied(): EventEnvelope<E>[] {
    const applied = this.#applied;
    this.#applied = [];
    return applied;
  }

  /** serverTime of the last sync, for the clock offset. */
  get serverTime(): string | null {
    return this.#serverTime;
  }

  onSync(message: SyncInput<S, E>): SequencerOutcome {
    this.#serverTime = message.serverTime;
    if (message.kind === 'snapshot') {
      this.#state = message.state;
      this.#lastSeq = message.seq;
    } else {
      if (this.#state === null) {
        // A replay needs a base state; without one, ask again (the server answers lastSeq null with a snapshot).
        this.#awaitingSync = true;
        return { changed: false, resume: { lastSeq: null } };
      }
      for (const event of [...message.events].sort((a, b) => a.seq - b.seq)) {
        if (this.#lastSeq !== null && event.seq <= this.#lastSeq) continue;
        this.#state = this.#reduce(this.#state, event);
        this.#lastSeq = event.seq;
        this.#keepApplied(event);
      }
      // The replay covers everything this scope could see up to message.seq.
      this.#lastSeq = Math.max(this.#lastSeq ?? 0, message.seq);
    }
    this.#awaitingSync = false;
    const buffered = this.#buffer.sort((a, b) => a.seq - b.seq);
    this.#buffer = [];
    let resume: SequencerOutcome['resume'] = null;
    for (const event of buffered) {
      if (resume) {
        this.#bufferEvent(event);
        continue;
      }
      const outcome = this.#applyLive(event);
      if (outcome.resume) resume = outcome.resume;
    }
    return { changed: true, resume };
  }

  onEvent(event: EventEnvelope<E>): SequencerOutcome {
    if (this.#awaitingSync) {
      this.#bufferEvent(event);
      return { changed: false, resume: null };
    }
    return this.#applyLive(event);
  }

  /** The connection dropped: the next sync (after reconnecting) decides what comes next. */
  onDisconnect(): void {
    this.#awaitingSync = true;
    this.#buffer = [];
  }

  #applyLive(event: EventEnvelope<E>): SequencerOutcome {
    const lastSeq = this.#lastSeq;
    if (lastSeq !== null && event.seq <= lastSeq) return { changed: false, resume: null };
    // NOTE: `prev > lastSeq`, not `prev !== lastSeq`: a snapshot may stand at a seq this scope never saw as an
    // event (events in between were invisible to it), so prev < lastSeq < seq loses nothing.
    if (this.#state === null || lastSeq === null || event.prev > lastSeq) {
      this.#awaitingSync = true;
      this.#bufferEvent(event);
      return { changed: false, resume: { lastSeq } };
    }
    this.#state = this.#reduce(this.#state, event);
    this.#lastSeq = event.seq;
    this.#keepApplied(event);
    return { changed: true, resume: null };
  }

  #keepApplied(event: EventEnvelope<E>): void {
    // NOTE: bounded like the buffer, for a caller that never drains.
    if (this.#applied.length >= maxBuffered) this.#applied.shift();
    this.#applied.push(event);
  }

  #bufferEvent(event: EventEnvelope<E>): void {
    if (this.#buffer.some((e) => e.seq === event.seq)) return;
    if (this.#buffer.length >= maxBuffered) this.#buffer.shift();
    this.#buffer.push(event);
  }
}

/** Server clock minus local clock, in ms, from a sync's serverTime (network delay ignored: seconds matter here). */
export function clockOffsetMs(serverTime: string, localNowMs: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - localNowMs : 0;
}
