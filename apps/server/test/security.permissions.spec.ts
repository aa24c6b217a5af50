import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import {
  actorClasses,
  commandNames,
  type ActorClass,
  type DeviceType,
  type StaffRole,
} from '@clinicflow/domain';
import {
  apiRoutes,
  commandTypes,
  roomCommandActions,
  routePath,
  type CommandResult,
  type CommandType,
  type View,
} from '@clinicflow/contracts';
import { tamperWithAuditRow, testBackends } from '@clinicflow/db/testing';
import {
  callerColumns,
  mayOpenExpected,
  mayRunExpected,
  routeExpected,
  tabledCommands,
  tabledRoutes,
} from './who-may';
import {
  api,
  openSocket,
  snapshotOf,
  pairDevice,
  signIn,
  startTestServer,
  until,
  type TestServer,
} from './harness';

const uuid = () => crypto.randomUUID();
const usernameOf: Record<StaffRole, string> = {
  admin: 'admin',
  coordinator: 'coordinator',
  front_desk: 'frontdesk',
  nurse: 'nurse',
  physician: 'drlee',
};
const isDevice = (c: ActorClass): c is DeviceType =>
  c === 'kiosk' || c === 'waiting_room_display' || c === 'room_status_display';
const socketViewFor = (c: ActorClass): View =>
  c === 'kiosk' ? 'kiosk' : isDevice(c) ? 'displayBoard' : 'flowBoard';

describe.each(testBackends)('who may see and do what (%s)', (backend) => {
  let server: TestServer;
  const credentials = new Map<ActorClass, { cookie?: string; deviceToken?: string }>();
  let admin: string;

  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: admin });

  beforeAll(async () => {
    server = await startTestServer(backend, { sessionIdleMs: 15 * 60_000 });
    admin = await signIn(server, 'admin');
    for (const c of actorClasses) {
      credentials.set(
        c,
        isDevice(c)
          ? { deviceToken: await pairDevice(server, admin, c) }
          : { cookie: await signIn(server, usernameOf[c as StaffRole]) },
      );
    }
  });
  afterAll(() => server?.close());

  /** A well-formed body for each command, aimed at real entities so an allowed caller gets a real answer. */
  async function bodyFor(type: CommandType): Promise<Record<string, unknown>> {
    const b = await board();
    const visit = Object.values(b.visits).find((v) => v.status === 'booked')!;
    const room = Object.values(b.rooms)[0]!;
    const base = { type, commandId: uuid() };
    // Admin and booking changes aim at nobody real (or a new account): what the other checks share must survive.
    const admin: Partial<Record<CommandType, Record<string, unknown>>> = {
      CreateStaffAccount: {
        username: `temp.${uuid().slice(0, 8)}`,
        displayName: 'Temp',
        role: 'nurse',
        password: 'a long enough password',
      },
      UpdateStaffAccount: { staffId: uuid(), displayName: 'Nobody' },
      ResetStaffPassword: { staffId: uuid(), password: 'a long enough password' },
      PairDevice: { code: 'ZZZZZZ', name: 'Nothing', deviceType: 'kiosk' },
      UpdateDevice: { deviceId: uuid(), name: 'Nothing' },
      RevokeDevice: { deviceId: uuid() },
      BookAppointment: {
        patientId: uuid(),
        providerId: uuid(),
        startsAt: '2030-01-07T14:00:00Z',
        endsAt: '2030-01-07T14:30:00Z',
      },
      MoveAppointment: {
        appointmentId: uuid(),
        startsAt: '2030-01-07T15:00:00Z',
        endsAt: '2030-01-07T15:30:00Z',
      },
      CancelAppointment: { appointmentId: uuid(), reason: 'Patient called' },
      FlagLateArrivals: { graceMinutes: 15 },
    };
    if (admin[type]) return { ...base, ...admin[type] };
    if (type === 'CheckInPatient') return { ...base, visitId: visit.id };
    if (type === 'CallPatient')
      return { ...base, visitId: visit.id, roomId: room.id, version: visit.version };
    if (type in roomCommandActions) return { ...base, roomId: room.id, version: room.version };
    return { ...base, visitId: visit.id, version: visit.version };
  }

  describe('every HTTP route × every caller answers as the written table says (who-may.ts)', () => {
    it('the table names every route', () =>
      expect(tabledRoutes.sort()).toEqual(Object.keys(apiRoutes).sort()));
    it.each(tabledRoutes)('%s', async (name) => {
      const route = apiRoutes[name];
      for (const caller of ['anonymous', ...callerColumns] as const) {
        let creds = caller === 'anonymous' ? {} : credentials.get(caller)!;
        // Signing out ends the session the other checks use: those two get a session of their own.
        if (
          (name === 'logout' || name === 'logoutEverywhere') &&
          caller !== 'anonymous' &&
          !isDevice(caller)
        ) {
          creds = { cookie: await signIn(server, usernameOf[caller as StaffRole]) };
        }
        const body = route.method === 'GET' ? undefined : {};
        const res = await api(server, route.method, routePath(name, { id: uuid() }), { ...creds, body });
        const where = `${route.method} ${route.path} as ${caller}: ${res.status} ${JSON.stringify(res.body)}`;
        const expected = routeExpected(name, caller);
        if (name === 'logoutEverywhere' && expected === 'ok') {
          // That ended every session of this person, the shared ones too: sign them in again.
          const cookie = await signIn(server, usernameOf[caller as StaffRole]);
          credentials.set(caller as StaffRole, { cookie });
          if (caller === 'admin') admin = await signIn(server, 'admin');
        }
        if (expected === 'ok') {
          // Allowed is an answer: a success or a specific refusal of the request, never a server error.
          expect([401, 403], where).not.toContain(res.status);
          expect(res.status, where).toBeLessThan(500);
        } else expect(res.status, where).toBe(expected);
      }
    });
  });

  describe('every command × every caller, over HTTP and over the socket, as the written table says', () => {
    it('the table names every command, and so do the permission table and the schema', () => {
      expect([...tabledCommands].sort()).toEqual([...commandTypes].sort());
      const commandNamesOnSocket = commandNames.filter((n) => (commandTypes as string[]).includes(n));
      expect(commandNamesOnSocket.sort()).toEqual([...commandTypes].sort());
    });
    const answeredAsAllowed = (status: number, result: CommandResult) =>
      status < 500 &&
      status !== 401 &&
      status !== 403 &&
      (result.ok || !['NOT_ALLOWED', 'INTERNAL'].includes(result.code));
    const refused = (status: number, result: CommandResult) =>
      status === 403 || (!result.ok && result.code === 'NOT_ALLOWED');

    it.each(tabledCommands)('%s', async (type) => {
      for (const caller of callerColumns) {
        const creds = credentials.get(caller)!;
        const allowed = mayRunExpected(type, caller);
        for (const transport of ['http', 'socket'] as const) {
          const body = await bodyFor(type);
          const socket = await openSocket(server.app.url, { view: socketViewFor(caller), ...creds });
          if (caller === 'kiosk' && 'visitId' in body) {
            // A kiosk acts only on the patient it just looked up.
            const v = (await board()).visits[body.visitId as string]!;
            await socket.socket.emitWithAck('findAppointment', {
              lastName: v.patient.lastName,
              dateOfBirth: v.patient.dateOfBirth,
            });
          }
          const { status, result } =
            transport === 'http'
              ? await api(server, 'POST', '/api/commands', { ...creds, body }).then((r) => ({
                  status: r.status,
                  result: r.body as CommandResult,
                }))
              : { status: 200, result: (await socket.socket.emitWithAck('command', body)) as CommandResult };
          socket.socket.disconnect();
          const where = `${type} by ${caller} over ${transport}: ${status} ${JSON.stringify(result)}`;
          if (allowed) expect(answeredAsAllowed(status, result), where).toBe(true);
          else expect(refused(status, result), where).toBe(true);
        }
      }
    });

    it('anyone without credentials is asked to sign in, whatever the command', async () => {
      for (const type of tabledCommands) {
        const res = await api(server, 'POST', '/api/commands', { body: await bodyFor(type) });
        expect(res.status, type).toBe(401);
      }
    });

    it('a command type nobody knows is refused, over HTTP and the socket, before anything else', async () => {
      const body = { type: 'DeleteEverything', commandId: uuid() };
      const http = await api(server, 'POST', '/api/commands', { ...credentials.get('admin')!, body });
      expect(http.body).toMatchObject({ ok: false, code: 'VALIDATION' });
      const socket = await openSocket(server.app.url, { view: 'flowBoard', ...credentials.get('admin')! });
      expect(await socket.socket.emitWithAck('command', body)).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
      socket.socket.disconnect();
    });
  });

  it('lets each socket view be opened only by those who may see it', async () => {
    for (const view of ['flowBoard', 'displayBoard', 'kiosk'] as const) {
      for (const caller of callerColumns) {
        const creds = credentials.get(caller)!;
        const result = await new Promise<string>((resolve) => {
          const socket = connect(server.app.url, {
            auth: { view, lastSeq: null, ...(creds.deviceToken ? { deviceToken: creds.deviceToken } : {}) },
            extraHeaders: creds.cookie ? { cookie: creds.cookie } : {},
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          socket.once('connect', () => (socket.disconnect(), resolve('connected')));
          socket.once('connect_error', (e) => resolve(e.message));
        });
        expect(result, `${view} as ${caller}`).toBe(
          mayOpenExpected(view, caller) ? 'connected' : 'FORBIDDEN',
        );
      }
      const anonymous = await new Promise<string>((resolve) => {
        const socket = connect(server.app.url, {
          auth: { view, lastSeq: null },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        socket.once('connect', () => (socket.disconnect(), resolve('connected')));
        socket.once('connect_error', (e) => resolve(e.message));
      });
      expect(anonymous).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a cookie-authenticated change from another origin, and a socket from another site', async () => {
    const body = await bodyFor('MarkNoShow');
    const cookie = credentials.get('coordinator')!.cookie!;
    expect(
      (await api(server, 'POST', '/api/commands', { cookie, body, origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect((await api(server, 'POST', '/api/commands', { cookie, body, origin: null })).status).toBe(403);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(server.app.url, {
        auth: { view: 'flowBoard', lastSeq: null },
        extraHeaders: { cookie, origin: 'http://evil.example' },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      socket.once('connect', () => (socket.disconnect(), resolve('connected')));
      socket.once('connect_error', () => resolve('refused'));
    });
    expect(refused).toBe('refused');
  });

  it('sends security headers and a strict script policy, and never a stack trace', async () => {
    const res = await fetch(`${server.app.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();

    const broken = await fetch(`${server.app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.app.url },
      body: '{"username": ',
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/\bat \w+.*\(|node_modules|\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({ ok: false, code: 'VALIDATION' });

    const huge = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'x'.repeat(70_000), password: 'y' },
    });
    expect(huge.status).toBe(413);
  });

  it('disconnects a socket that floods, and its neighbour keeps working', async () => {
    const cookie = credentials.get('nurse')!.cookie!;
    const flooder = await openSocket(server.app.url, { view: 'flowBoard', cookie });
    const neighbour = await openSocket(server.app.url, { view: 'flowBoard', cookie });
    let disconnected = false;
    flooder.socket.on('disconnect', () => (disconnected = true));
    for (let i = 0; i < 2000 && !disconnected; i++) flooder.socket.emit('command', {}, () => {});
    await until(() => disconnected, 'flooder disconnected');
    const result: CommandResult = await neighbour.socket.emitWithAck('command', {
      type: 'MarkRoomCleaned',
      commandId: uuid(),
      roomId: uuid(),
      version: 0,
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    neighbour.socket.disconnect();
  });

  it('writes a hash-chained audit row for sign-ins, reads and changes, and detects a modified row', async () => {
    for (const a of ['LoginSucceeded', 'ReadFlowBoard', 'PairDevice', 'FindAppointment']) {
      const rows = (await api(server, 'GET', `/api/audit?action=${a}&limit=5`, { cookie: admin })).body as {
        action: string;
      }[];
      expect(rows.map((r) => r.action)).toContain(a);
    }
    const filtered = (await api(server, 'GET', '/api/audit?action=PairDevice', { cookie: admin })).body as {
      action: string;
    }[];
    expect(filtered.length).toBe(3);
    expect(filtered.every((r) => r.action === 'PairDevice')).toBe(true);

    expect((await api(server, 'GET', '/api/audit/verify', { cookie: admin })).body).toMatchObject({
      brokenAt: null,
    });
    const tampered = await tamperWithAuditRow(server.database.db, 'LoginSucceeded');
    expect((await api(server, 'GET', '/api/audit/verify', { cookie: admin })).body).toMatchObject({
      brokenAt: tampered.id,
    });
    await tampered.restore();
    expect((await api(server, 'GET', '/api/audit/verify', { cookie: admin })).body).toMatchObject({
      brokenAt: null,
    });
  });
});
