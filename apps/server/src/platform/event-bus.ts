import type { Logger } from 'pino';
import type { Actor, DisplayConfig } from '@clinicflow/domain';
import type { SessionEndReason } from '@clinicflow/contracts';

/** What one part of the server tells the others after a change has committed. */
export type InternalEvents = {
  /** Staff sessions that ended (signed out, expired, revoked, account disabled): their screens close. */
  sessionsEnded: { sessionIds: string[]; reason: SessionEndReason };
  /** A device was unpaired: it forgets its token and shows the pairing screen. */
  deviceRevoked: { deviceId: string };
  /** The device list changed (paired, renamed, revoked, online, offline): admins' screens refresh it. */
  devicesChanged: Record<string, never>;
  /** A display's settings changed: applied live on that screen. */
  displayConfigChanged: { deviceId: string; config: DisplayConfig };
  /** A staff account was created or changed: admins' screens refresh the list. */
  staffChanged: Record<string, never>;
  /** A person may no longer use the sessions they have (account disabled, password reset by an admin). */
  accessWithdrawn: { staffId: string; reason: 'disabled' | 'revoked'; by: Actor; origin: string | null };
};
export type InternalEventName = keyof InternalEvents;
/** One announcement, name and payload together (what a command hands over to be said after its commit). */
export type InternalEvent = {
  [K in InternalEventName]: { name: K; payload: InternalEvents[K] };
}[InternalEventName];
type Listener<K extends InternalEventName> = (payload: InternalEvents[K]) => void | Promise<void>;

/**
 * In-process publish/subscribe between services: the one who changes something says so, the ones who care
 * listen, and neither knows the other. A listener's failure is logged, never thrown back at the publisher.
 */
// NOTE: one process only; many nodes relay these through Postgres LISTEN/NOTIFY or the Socket.IO adapter (the scale issue).
export class EventBus {
  readonly #listeners = new Map<InternalEventName, Set<Listener<never>>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  on<K extends InternalEventName>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.#listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  /** Says each in turn. */
  async announce(events: readonly InternalEvent[]): Promise<void> {
    for (const event of events) await this.emit(event.name, event.payload as never);
  }

  /** Tells every listener; resolves when they are done, so a request answers after its effects are applied. */
  async emit<K extends InternalEventName>(name: K, payload: InternalEvents[K]): Promise<void> {
    const listeners = [...(this.#listeners.get(name) ?? [])] as Listener<K>[];
    await Promise.all(
      listeners.map(async (listener) => {
        try {
          await listener(payload);
        } catch (err) {
          this.#logger.error({ err, event: name }, 'internal event listener failed');
        }
      }),
    );
  }
}
