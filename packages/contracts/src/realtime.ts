import { z } from 'zod';
import { text } from './text';
import type {
  DisplayBoard,
  DisplayConfig,
  DisplayPrivacy,
  DisplayEvent,
  DomainEvent,
  EventEnvelope,
  FlowBoard,
} from '@clinicflow/domain';
import type { Command, CommandResult } from './commands/index';
import type { FindAppointmentQuery, FindAppointmentResult } from './kiosk';
import type { DeviceInfo, StaffAccount } from './auth';

export const views = ['flowBoard', 'displayBoard', 'kiosk'] as const;
export type View = (typeof views)[number];

/** What a client sends in the Socket.IO handshake `auth`. */
export const handshakeSchema = z.object({
  view: z.enum(views),
  /** The last seq this client applied; null on a first connection. */
  lastSeq: z.int().nonnegative().nullable().default(null),
  /** Kiosks and wallboards authenticate with the token they got when paired; staff with their session cookie. */
  deviceToken: text().min(20).max(200).optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

export type ViewState = { flowBoard: FlowBoard; displayBoard: DisplayBoard; kiosk: null };
export type ViewEvent = { flowBoard: DomainEvent; displayBoard: DisplayEvent; kiosk: never };

export type SyncMessage<V extends View> =
  | { kind: 'snapshot'; state: ViewState[V]; seq: number; serverTime: string }
  | { kind: 'replay'; events: EventEnvelope<ViewEvent[V]>[]; seq: number; serverTime: string };

export type SessionEndReason = 'idle' | 'expired' | 'signed_out' | 'revoked' | 'disabled';

export interface ServerToClientEvents<V extends View = View> {
  sync: (message: SyncMessage<V>) => void;
  event: (event: EventEnvelope<ViewEvent[V]>) => void;
  /** The staff session behind this socket ended; the socket is closed right after. */
  sessionEnded: (reason: SessionEndReason) => void;
  /** This device was unpaired by an admin; it forgets its token and shows the pairing screen. */
  deviceRevoked: () => void;
  /** Displays: how to show the clinic; sent on connect and whenever an admin changes it. */
  displayConfig: (config: DisplayConfig) => void;
  /** The server lost (down) or regained (up) its database; while down nothing changes and commands are refused. */
  databaseStatus: (status: 'up' | 'down') => void;
  /** Admins only: the device list changed (paired, revoked, online, offline). */
  devicesChanged: (devices: DeviceInfo[]) => void;
  /** Admins only: a staff account was created or changed. */
  staffChanged: (staff: StaffAccount[]) => void;
}

/** What a client sends, typed as the client means it. */
export interface ClientToServerEvents {
  command: (command: Command, ack: (result: CommandResult) => void) => void;
  findAppointment: (query: FindAppointmentQuery, ack: (result: FindAppointmentResult) => void) => void;
  /** Ask for the events after `lastSeq` again (sent when a client sees a gap). */
  resume: (lastSeq: number | null) => void;
}

declare const untrusted: unique symbol;
/**
 * A value that came over the wire: it claims to be a T but nothing of it can be read until a schema has parsed
 * it (`schema.safeParse(value)` accepts it, since a schema takes unknown).
 */
export type Untrusted<T> = { readonly [untrusted]: T };

/**
 * The same events as the server receives them: every argument untrusted, the acknowledgement too (a client may
 * send none, or something that is not a function).
 */
export type UntrustedClientEvents = {
  [K in keyof ClientToServerEvents]: ClientToServerEvents[K] extends (...args: infer A) => void
    ? (...args: { [I in keyof A]: Untrusted<A[I]> }) => void
    : never;
};

/** Socket.IO room names: one rule, used by the server when joining and emitting. */
export const roomName = {
  console: (clinicId: string) => `console:${clinicId}`,
  /** Displays are grouped by what they may show, so each group gets events labelled for it. */
  display: (clinicId: string, privacy: DisplayPrivacy) => `display:${clinicId}:${privacy}`,
  admins: (clinicId: string) => `admins:${clinicId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  device: (deviceId: string) => `device:${deviceId}`,
};
