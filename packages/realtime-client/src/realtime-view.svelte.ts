/// <reference types="svelte" />
/* eslint-disable svelte/prefer-svelte-reactivity -- these Dates are never mutated; each change assigns a new one */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommandResult,
  CommandOf,
  CommandType,
  InputOf,
  FindAppointmentQuery,
  FindAppointmentResult,
  ServerToClientEvents,
  SyncMessage,
  View,
  ViewEvent,
  ViewState,
} from '@clinicflow/contracts';
import { applyDisplayEvent, applyFlowBoardEvent, type EventEnvelope } from '@clinicflow/domain';
import {
  EventSequencer,
  clockOffsetMs,
  type Reducer,
  type SequencerOutcome,
  type SyncInput,
} from './event-sequencer';
import { newCommandId } from './command-id';
import { afterConnectError, afterDisconnect, type AuthError, type ConnectionStep } from './connection-policy';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

/** A command as the caller writes it: the commandId is added when missing. */
export type CommandInput<T extends CommandType = CommandType> = T extends CommandType
  ? { type: T; commandId?: string } & InputOf<T>
  : never;

type ViewReducer<V extends View> = Reducer<ViewState[V], ViewEvent[V]>;

const defaultReducers: { [V in View]: ViewReducer<V> } = {
  flowBoard: applyFlowBoardEvent,
  displayBoard: applyDisplayEvent,
  kiosk: (state) => state,
};

export type ConnectViewOptions<V extends View> = {
  view: V;
  /** Server origin; the page's own origin when omitted. */
  url?: string;
  path?: string;
  /** Defaults to the domain reducer for the view. */
  reduce?: ViewReducer<V>;
  ackTimeoutMs?: number;
  /**
   * A paired device's token (kiosk, wallboard). A function is read on every (re)connect, so a device that
   * pairs again reconnects with its new token. Staff screens authenticate with their session cookie instead.
   */
  deviceToken?: string | (() => string | null);
};

/** Server events besides the view's own stream, for screens to react to. */
export type ServerNotice =
  'sessionEnded' | 'deviceRevoked' | 'devicesChanged' | 'staffChanged' | 'displayConfig';

const offline = (): { ok: false; code: 'OFFLINE'; message: string } => ({
  ok: false,
  code: 'OFFLINE',
  message: 'No connection to the server',
});

// NOTE: if a resume gets no sync (server restarting), ask again after this long.
const resumeRetryMs = 5000;

/** One live view of the server: connection status, the view's state, and commands. Runes state for Svelte 5. */
export class RealtimeView<V extends View> {
  #state = $state.raw<ViewState[V] | null>(null);
  #lastSeq = $state<number | null>(null);
  #status = $state<ConnectionStatus>('connecting');
  #lastLiveAt = $state<Date | null>(null);
  #clockOffsetMs = $state(0);

  #view: V;
  #socket: Socket<ServerToClientEvents<V>, ClientToServerEvents>;
  #sequencer: EventSequencer<ViewState[V], ViewEvent[V]>;
  #ackTimeoutMs: number;
  #resumeTimer: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #authError = $state<AuthError | null>(null);
  readonly #liveWaiters = new Set<(live: boolean) => void>();
  readonly #eventHandlers = new Set<(event: EventEnvelope<ViewEvent[V]>) => void>();
  /** The server said this device or session is over; never reconnect by ourselves. */
  #ended = false;

  constructor(options: ConnectViewOptions<V>) {
    this.#view = options.view;
    this.#ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.#sequencer = new EventSequencer(options.reduce ?? defaultReducers[options.view]);
    const token = options.deviceToken;
    const socketOptions = {
      path: options.path ?? '/socket.io',
      // A function, so every reconnect sends the latest applied seq and the current device token.
      auth: (cb: (data: object) => void) => {
        const deviceToken = typeof token === 'function' ? token() : token;
        cb({ view: this.#view, lastSeq: this.#sequencer.lastSeq, ...(deviceToken ? { deviceToken } : {}) });
      },
    };
    this.#socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

    this.#socket.on('connect', () => {
      // The kiosk view has no event stream: being connected is being live.
      if (this.#view === 'kiosk') this.#markLive();
      else this.#status = 'connecting';
    });
    this.#socket.on('disconnect', (reason) => {
      if (this.#status === 'live') this.#lastLiveAt = new Date();
      this.#status = 'offline';
      this.#sequencer.onDisconnect();
      this.#clearResumeTimer();
      const step = afterDisconnect({ reason, ended: this.#ended });
      if (step.kind !== 'closed') this.#follow(step);
    });
    this.#socket.on('connect_error', (error) => {
      this.#status = 'offline';
      this.#follow(afterConnectError({ message: error.message, active: this.#socket.active }));
    });
    // Both are followed by a server-side disconnect; react at once rather than on the disconnect.
    const ended = () => {
      this.#ended = true;
      this.#follow({ kind: 'stop', authError: 'UNAUTHENTICATED' });
    };
    this.#socket.on('deviceRevoked', ended);
    this.#socket.on('sessionEnded', ended);
    // The server is up but its database is not: nothing it shows can change until it is back, then catch up.
    this.#socket.on('databaseStatus', (status) => {
      if (status === 'down') {
        if (this.#status === 'live') this.#lastLiveAt = new Date();
        this.#status = 'offline';
      } else if (this.#view === 'kiosk') this.#markLive();
      else this.#requestResume(this.#sequencer.lastSeq);
    });
    this.#socket.on('sync', (message: SyncMessage<V>) => {
      this.#clockOffsetMs = clockOffsetMs(message.serverTime, Date.now());
      this.#clearResumeTimer();
      this.#handle(this.#sequencer.onSync(message as SyncInput<ViewState[V], ViewEvent[V]>));
      if (!this.#sequencer.awaitingSync) this.#markLive();
    });
    this.#socket.on('event', (event: EventEnvelope<ViewEvent[V]>) => {
      this.#handle(this.#sequencer.onEvent(event));
      if (!this.#sequencer.awaitingSync) this.#lastLiveAt = new Date();
    });
  }

  get view(): V {
    return this.#view;
  }
  /** The view's state, or null until the first sync. Replaced (never mutated) on every change. */
  get state(): ViewState[V] | null {
    return this.#state;
  }
  get lastSeq(): number | null {
    return this.#lastSeq;
  }
  get status(): ConnectionStatus {
    return this.#status;
  }
  /** When data last arrived while live (or when the connection dropped): "not live since 10:42". */
  get lastLiveAt(): Date | null {
    return this.#lastLiveAt;
  }
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }
  /**
   * Set when the server refused this screen's credentials (or revoked them): reconnecting stops until
   * reconnect(). UNAUTHENTICATED: unknown, expired or revoked; FORBIDDEN: valid, but not for this view.
   */
  get authError(): AuthError | null {
    return this.#authError;
  }

  /** Listens to a server notice (deviceRevoked, sessionEnded, devicesChanged, displayConfig); returns the unsubscribe. */
  on<E extends ServerNotice>(event: E, handler: ServerToClientEvents<V>[E]): () => void {
    // NOTE: casts because socket.io's typed `on` cannot match a generic key against its own event map.
    this.#socket.on(event as 'deviceRevoked', handler as () => void);
    return () => {
      this.#socket.off(event as 'deviceRevoked', handler as () => void);
    };
  }

  /**
   * Calls `handler` with every event of the view's stream once it is applied to `state` (in order, never twice;
   * a resync by snapshot applies none, so a screen that keeps more than the state also watches `status`).
   * Returns the unsubscribe.
   */
  onEvent(handler: (event: EventEnvelope<ViewEvent[V]>) => void): () => void {
    this.#eventHandlers.add(handler);
    return () => {
      this.#eventHandlers.delete(handler);
    };
  }

  /** Connects again after an authError (new credentials) or a close. */
  reconnect(): void {
    this.#clearRetryTimer();
    this.#ended = false;
    this.#authError = null;
    this.#status = 'connecting';
    if (!this.#socket.connected) this.#socket.connect();
  }

  /** The server's clock: use it for every "waiting 12 min". */
  now(): Date {
    return new Date(Date.now() + this.#clockOffsetMs);
  }

  /** Resolves true once the view is live again (at once if it is), false after `timeoutMs`. */
  whenLive(timeoutMs: number): Promise<boolean> {
    if (this.#status === 'live') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (live: boolean) => {
        clearTimeout(timer);
        this.#liveWaiters.delete(done);
        resolve(live);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#liveWaiters.add(done);
    });
  }

  /** Sends a command; the answer is typed by the command: its own result, or a refusal. */
  async command<T extends CommandType>(
    input: { type: T; commandId?: string } & InputOf<T>,
  ): Promise<CommandResult<T>> {
    const command = { ...input, commandId: input.commandId ?? newCommandId() } as CommandOf<T>;
    // Fail fast offline: a buffered emit could otherwise be sent long after the user was told it failed.
    if (!this.#socket.connected) return offline();
    try {
      const result = await this.#socket.timeout(this.#ackTimeoutMs).emitWithAck('command', command);
      // The server answers each command with that command's result (one command map types both ends).
      return result as CommandResult<T>;
    } catch {
      return offline();
    }
  }

  /**
   * command(), but one that could not be delivered (no connection, or the server without its database) is sent
   * again with the same commandId once the view is live, within `withinMs`: it is applied once either way.
   */
  async commandWhenLive<T extends CommandType>(
    input: { type: T; commandId?: string } & InputOf<T>,
    options: { onWaiting?: () => void; withinMs?: number } = {},
  ): Promise<CommandResult<T>> {
    const command = { ...input, commandId: input.commandId ?? newCommandId() };
    const deadline = Date.now() + (options.withinMs ?? 120_000);
    let result = await this.command(command);
    let waiting = false;
    while (!result.ok && (result.code === 'OFFLINE' || result.code === 'UNAVAILABLE')) {
      if (!waiting) options.onWaiting?.();
      waiting = true;
      // The server may not have said "down" yet: a moment before asking again, then wait until it is live.
      await new Promise((r) => setTimeout(r, 1000));
      if (Date.now() >= deadline || !(await this.whenLive(deadline - Date.now()))) break;
      result = await this.command(command);
    }
    return result;
  }

  async findAppointment(query: FindAppointmentQuery): Promise<FindAppointmentResult> {
    if (!this.#socket.connected) return offline();
    try {
      return await this.#socket.timeout(this.#ackTimeoutMs).emitWithAck('findAppointment', query);
    } catch {
      return offline();
    }
  }

  close(): void {
    this.#clearResumeTimer();
    this.#clearRetryTimer();
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
    this.#status = 'offline';
  }

  #follow(step: ConnectionStep): void {
    this.#clearRetryTimer();
    if (step.kind === 'stop') {
      this.#authError = step.authError;
      this.#status = 'offline';
      // socket.io keeps retrying after some failures (e.g. a transport close after a revoke): end that too.
      if (this.#socket.active) this.#socket.disconnect();
    } else if (step.kind === 'retry') {
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = null;
        if (!this.#socket.active && this.#authError === null) this.#socket.connect();
      }, step.afterMs);
    }
  }

  #clearRetryTimer(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #markLive(): void {
    this.#status = 'live';
    this.#lastLiveAt = new Date();
    for (const waiter of [...this.#liveWaiters]) waiter(true);
  }

  #handle(outcome: SequencerOutcome): void {
    if (outcome.changed) {
      this.#state = this.#sequencer.state;
      this.#lastSeq = this.#sequencer.lastSeq;
    }
    if (outcome.resume) this.#requestResume(outcome.resume.lastSeq);
    const applied = this.#sequencer.drainApplied();
    for (const event of applied) {
      for (const handler of [...this.#eventHandlers]) {
        // One screen's faulty handler must not stop the others, nor the stream.
        try {
          handler(event);
        } catch (error) {
          console.error(error);
        }
      }
    }
  }

  #requestResume(lastSeq: number | null): void {
    this.#status = 'connecting';
    this.#socket.emit('resume', lastSeq);
    this.#clearResumeTimer();
    this.#resumeTimer = setTimeout(() => {
      if (this.#sequencer.awaitingSync && this.#socket.connected)
        this.#requestResume(this.#sequencer.lastSeq);
    }, resumeRetryMs);
  }

  #clearResumeTimer(): void {
    if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
    this.#resumeTimer = null;
  }
}

/** Opens a socket for one view; close() it when the screen goes away. */
export function connectView<V extends View>(options: ConnectViewOptions<V>): RealtimeView<V> {
  return new RealtimeView(options);
}
