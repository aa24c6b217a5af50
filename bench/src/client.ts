/**
 * A black-box client of the server, as the apps are: HTTP with a staff session cookie or a device token, and
 * socket.io with the same credentials. Shared by the benchmarks and the clinic-day simulator.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  applyFlowBoardEvent,
  type DomainEvent,
  type EventEnvelope,
  type FlowBoard,
} from '@clinicflow/domain';
import type {
  CommandResult,
  FindAppointmentResult,
  ServerToClientEvents,
  SyncMessage,
  View,
} from '@clinicflow/contracts';

/** The load tools send commands they build at run time; the server parses them as it parses any client's. */
type LoadClientEvents = {
  command: (command: unknown, ack: (result: CommandResult) => void) => void;
  findAppointment: (query: unknown, ack: (result: FindAppointmentResult) => void) => void;
  resume: (lastSeq: unknown) => void;
};
export type ClientSocket = Socket<ServerToClientEvents, LoadClientEvents>;
export type DeviceType = 'kiosk' | 'waiting_room_display' | 'room_status_display';

const demoPassword = 'clinicflow-demo';
const WAIT_MS = 10_000;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor(predicate: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(1);
  }
}

/** An HTTP call the way the console makes it: JSON, same-origin `Origin`, the session cookie or device token. */
export async function api(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string; deviceToken?: string } = {},
): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  const headers: Record<string, string> = { origin: new URL(url).origin };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.deviceToken) headers.authorization = `Device ${options.deviceToken}`;
  const response = await fetch(new URL(path, url), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body, setCookie: response.headers.get('set-cookie') };
}

/** Signs a staff member in; returns the `cf_session=…` cookie to send. */
export async function signIn(url: string, username: string, password = demoPassword): Promise<string> {
  const res = await api(url, 'POST', '/api/auth/login', { body: { username, password } });
  const cookie = res.setCookie?.split(';')[0];
  if (res.status !== 200 || !cookie)
    throw new Error(`sign-in as ${username} failed (${res.status}): ${JSON.stringify(res.body)}`);
  return cookie;
}

/** Pairs a new device as an admin does (pairing code, then POST /api/devices); returns its token and id. */
export async function pairDevice(
  url: string,
  adminCookie: string,
  type: DeviceType,
  name: string,
  location = 'Bench',
): Promise<{ token: string; deviceId: string | null }> {
  const requested = await api(url, 'POST', '/api/devices/pairing');
  if (requested.status !== 200)
    throw new Error(`pairing request: ${requested.status} ${JSON.stringify(requested.body)}`);
  const { code, token } = requested.body as { code: string; token: string };
  const paired = await api(url, 'POST', '/api/devices', {
    cookie: adminCookie,
    body: { code, name, type, location },
  });
  if (paired.status !== 201)
    throw new Error(`pairing ${type}: ${paired.status} ${JSON.stringify(paired.body)}`);
  return { token, deviceId: (paired.body as { id?: string } | null)?.id ?? null };
}

/** Unpairs a device the bench or simulator paired for itself, so repeated runs do not pile up devices. */
export async function revokeDevice(url: string, adminCookie: string, deviceId: string): Promise<void> {
  await api(url, 'POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`, { cookie: adminCookie });
}

export type DemoPatient = {
  visitId: string;
  status: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  scheduledAt: string | null;
};

export async function demoPatients(url: string, cookie: string): Promise<DemoPatient[]> {
  const res = await api(url, 'GET', '/api/demo/patients', { cookie });
  if (res.status !== 200) throw new Error(`GET /api/demo/patients: ${res.status} (is DEMO on?)`);
  return res.body as DemoPatient[];
}

/** A connected socket for a view: staff send their cookie, devices their token. */
export async function connect(
  url: string,
  auth: { view: View; cookie?: string; deviceToken?: string },
): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: { view: auth.view, lastSeq: null, ...(auth.deviceToken ? { deviceToken: auth.deviceToken } : {}) },
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${auth.view} socket did not connect`)), WAIT_MS);
    socket.once('connect', () => (clearTimeout(timer), resolve()));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  return socket;
}

export type TrackedFlowBoard = {
  board: FlowBoard | null;
  seq: number;
  /** Every event applied, by seq (only when `keepEvents`). */
  events: Map<number, DomainEvent>;
  /** Called for each event applied, in seq order. */
  onEvent: ((e: EventEnvelope<DomainEvent>) => void) | null;
};

/** The console's flow board, kept as a client keeps it: the sync snapshot, then events applied in seq order. */
export function trackFlowBoard(
  socket: ClientSocket,
  options: { keepEvents?: boolean } = {},
): TrackedFlowBoard {
  const state: TrackedFlowBoard = { board: null, seq: 0, events: new Map(), onEvent: null };
  const early: EventEnvelope<DomainEvent>[] = [];
  const apply = (e: EventEnvelope<DomainEvent>) => {
    if (!state.board || e.seq <= state.seq) return;
    if (e.prev !== state.seq) {
      // Missed something (should not happen on one connection): ask for the gap again.
      socket.emit('resume', state.seq);
      return;
    }
    state.board = applyFlowBoardEvent(state.board, e);
    state.seq = e.seq;
    if (options.keepEvents) state.events.set(e.seq, e);
    state.onEvent?.(e);
  };
  socket.on('sync', (message) => {
    const m = message as SyncMessage<'flowBoard'>;
    if (m.kind === 'snapshot') {
      state.board = m.state;
      state.seq = m.seq;
    } else {
      for (const e of m.events) apply(e);
    }
    for (const e of early.splice(0)) apply(e);
  });
  socket.on('event', (e) => {
    const event = e as EventEnvelope<DomainEvent>;
    if (!state.board) early.push(event);
    else apply(event);
  });
  return state;
}
