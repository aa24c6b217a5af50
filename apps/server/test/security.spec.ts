import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import {
  actorClasses,
  commandNames,
  type ActorClass,
  type DeviceType,
  type StaffRole,
  type Visit,
} from '@clinicflow/domain';
import {
  apiRoutes,
  commandTypes,
  roomCommandActions,
  routePath,
  type CommandResult,
  type CommandType,
  type SyncMessage,
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
  type TestSocket,
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
    // Admin changes aim at nobody real (or a new account): the shared sessions and devices must survive them.
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

describe.each(testBackends)('sessions, lockout and devices (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { sessionIdleMs: 15 * 60_000 });
  });
  afterAll(() => server?.close());

  const session = (cookie: string) => api(server, 'GET', '/api/auth/session', { cookie });

  it('signs a user out after 15 minutes without activity, and ends their open socket', async () => {
    const cookie = await signIn(server, 'frontdesk');
    const socket = await openSocket(server.app.url, { view: 'flowBoard', cookie });
    let ended: string | null = null;
    socket.socket.on('sessionEnded', (reason) => (ended = reason));
    server.clock.advance(14);
    expect((await session(cookie)).status).toBe(200); // reading the session is not activity…
    server.clock.advance(2);
    expect((await session(cookie)).status).toBe(401); // …so 16 minutes idle ends it
    socket.socket.emit('resume', 0);
    await until(() => ended !== null, 'sessionEnded');
    expect(ended).toBe('idle');
  });

  it('ends an idle console that sends nothing: the periodic sweep signs it out on its own', async () => {
    const swept = await startTestServer(backend, { sessionIdleMs: 15 * 60_000, sessionSweepMs: 100 });
    try {
      const socket = await openSocket(swept.app.url, {
        view: 'flowBoard',
        cookie: await signIn(swept, 'nurse'),
      });
      let ended: string | null = null;
      socket.socket.on('sessionEnded', (reason) => (ended = reason));
      swept.clock.advance(14);
      await new Promise((r) => setTimeout(r, 300)); // three sweeps: not idle long enough yet
      expect(ended).toBeNull();
      swept.clock.advance(2);
      await until(() => ended !== null, 'sessionEnded from the sweep');
      expect(ended).toBe('idle');
      await until(() => !socket.socket.connected, 'the socket closed by the server');
    } finally {
      await swept.close();
    }
  });

  it('keeps an active user signed in, but never past 12 hours', async () => {
    const cookie = await signIn(server, 'nurse');
    for (let i = 0; i < 71; i++) {
      server.clock.advance(10);
      expect((await api(server, 'POST', '/api/auth/keep-alive', { cookie })).status).toBe(200);
    }
    server.clock.advance(11); // 12 h 1 min after sign-in
    const res = await api(server, 'POST', '/api/auth/keep-alive', { cookie });
    expect(res.status).toBe(401);
  });

  it('signs out everywhere: every session of that person ends, with its sockets', async () => {
    const laptop = await signIn(server, 'coordinator');
    const desk = await signIn(server, 'coordinator');
    const other = await signIn(server, 'nurse');
    const socket = await openSocket(server.app.url, { view: 'flowBoard', cookie: desk });
    let ended: string | null = null;
    socket.socket.on('sessionEnded', (reason) => (ended = reason));
    expect(
      (await api(server, 'POST', '/api/auth/logout-everywhere', { cookie: laptop, body: {} })).status,
    ).toBe(200);
    await until(() => ended !== null, 'sessionEnded');
    expect((await session(laptop)).status).toBe(401);
    expect((await session(desk)).status).toBe(401);
    expect((await session(other)).status).toBe(200);
  });

  it('locks an account after 5 wrong passwords with a clear message, and unlocks it 15 minutes later', async () => {
    const attempt = (password: string) =>
      api(server, 'POST', '/api/auth/login', { body: { username: 'drlee', password } });
    for (let i = 0; i < 4; i++)
      expect((await attempt('wrong-password-123')).body).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Wrong username or password.',
      });
    const fifth = await attempt('wrong-password-123');
    expect(fifth.status).toBe(429);
    expect((fifth.body as { message: string }).message).toMatch(
      /Too many failed sign-ins\. Try again in 15 minutes/,
    );
    expect((await attempt('clinicflow-demo')).status).toBe(429); // even the right password, while locked
    // An unknown account answers exactly like a wrong password.
    expect(
      (await api(server, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' } })).body,
    ).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong username or password.' });
    server.clock.advance(16);
    expect((await attempt('clinicflow-demo')).status).toBe(200);
  });

  it('disabling an account ends its sessions, refuses its sign-in, and other admins see it live', async () => {
    const admin = await signIn(server, 'admin');
    const physician = await signIn(server, 'drlee');
    const staff = (await api(server, 'GET', '/api/staff', { cookie: admin })).body as {
      id: string;
      username: string;
    }[];
    const drlee = staff.find((s) => s.username === 'drlee')!;
    const socket = await openSocket(server.app.url, { view: 'flowBoard', cookie: physician });
    let ended: string | null = null;
    socket.socket.on('sessionEnded', (reason) => (ended = reason));
    const otherAdmin = await openSocket(server.app.url, {
      view: 'flowBoard',
      cookie: await signIn(server, 'admin'),
    });
    const lists: { id: string; disabled: boolean }[][] = [];
    let physicianToldOfStaff = false;
    otherAdmin.socket.on('staffChanged', (list) => lists.push(list));
    socket.socket.on('staffChanged', () => (physicianToldOfStaff = true));
    expect(
      (await api(server, 'PATCH', `/api/staff/${drlee.id}`, { cookie: admin, body: { disabled: true } }))
        .status,
    ).toBe(200);
    await until(() => ended !== null, 'sessionEnded');
    expect(ended).toBe('disabled');
    await until(() => lists.some((l) => l.some((a) => a.id === drlee.id && a.disabled)), 'admins told');
    expect(physicianToldOfStaff).toBe(false);
    otherAdmin.socket.disconnect();
    expect(
      (
        await api(server, 'POST', '/api/auth/login', {
          body: { username: 'drlee', password: 'clinicflow-demo' },
        })
      ).body,
    ).toMatchObject({ code: 'FORBIDDEN' });
    await api(server, 'PATCH', `/api/staff/${drlee.id}`, { cookie: admin, body: { disabled: false } });
  });

  it('pairs a device by its code, and a revoked device is cut off at once', async () => {
    const admin = await signIn(server, 'admin');
    const request = (await api(server, 'POST', '/api/devices/pairing')).body as {
      code: string;
      token: string;
    };
    expect(request.code).toMatch(/^[A-Z0-9]{6}$/);
    expect((await api(server, 'GET', '/api/devices/me', { deviceToken: request.token })).body).toMatchObject({
      state: 'pending',
      code: request.code,
    });
    const wrong = await api(server, 'POST', '/api/devices', {
      cookie: admin,
      body: { code: 'XXXXXX', name: 'Lobby TV', type: 'waiting_room_display' },
    });
    expect(wrong.status).toBe(404);
    const paired = await api(server, 'POST', '/api/devices', {
      cookie: admin,
      body: {
        code: `${request.code.slice(0, 3).toLowerCase()}-${request.code.slice(3)}`,
        name: 'Lobby TV',
        type: 'waiting_room_display',
        location: 'Lobby',
      },
    });
    expect(paired.status).toBe(201);
    const device = paired.body as { id: string };
    expect((await api(server, 'GET', '/api/devices/me', { deviceToken: request.token })).body).toMatchObject({
      state: 'paired',
      device: { id: device.id, name: 'Lobby TV' },
      clinic: { name: 'Riverside Family Practice', timezone: 'America/New_York' },
    });

    const wall: TestSocket = (
      await openSocket(server.app.url, { view: 'displayBoard', deviceToken: request.token })
    ).socket;
    const adminSocket = await openSocket(server.app.url, { view: 'flowBoard', cookie: admin });
    let revoked = false;
    let lists: { id: string; online: boolean }[][] = [];
    wall.on('deviceRevoked', () => (revoked = true));
    adminSocket.socket.on('devicesChanged', (list) => lists.push(list));
    expect((await api(server, 'GET', '/api/devices', { cookie: admin })).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: device.id, online: true })]),
    );
    lists = [];
    expect(
      (await api(server, 'POST', `/api/devices/${device.id}/revoke`, { cookie: admin, body: {} })).status,
    ).toBe(200);
    await until(() => revoked && !wall.connected, 'revoked and disconnected');
    await until(() => lists.some((l) => l.some((d) => d.id === device.id && !d.online)), 'admins told');
    expect((await api(server, 'GET', '/api/devices/me', { deviceToken: request.token })).status).toBe(401);
    await expect(
      openSocket(server.app.url, { view: 'displayBoard', deviceToken: request.token }),
    ).rejects.toThrow('UNAUTHENTICATED');
    adminSocket.socket.disconnect();
  });

  it('slows a kiosk down after repeated failed lookups', async () => {
    const admin = await signIn(server, 'admin');
    const kiosk = await openSocket(server.app.url, {
      view: 'kiosk',
      deviceToken: await pairDevice(server, admin, 'kiosk'),
    });
    const lookup = () =>
      kiosk.socket
        .timeout(40_000)
        .emitWithAck('findAppointment', { lastName: 'Nobody', dateOfBirth: '1950-01-01' });
    for (let i = 0; i < 3; i++) await lookup();
    const started = Date.now();
    expect(await lookup()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    kiosk.socket.disconnect();
  });
});

describe.each(testBackends)('a wallboard over a whole simulated day (%s)', (backend) => {
  it('receives only allow-listed fields in every snapshot and event', async () => {
    const server = await startTestServer(backend);
    try {
      const admin = await signIn(server, 'admin');
      const coordinator = await signIn(server, 'coordinator');
      const lateDisplay = await pairDevice(server, admin, 'room_status_display');
      const wall = await openSocket(server.app.url, {
        view: 'displayBoard',
        deviceToken: await pairDevice(server, admin, 'waiting_room_display'),
      });
      const kiosk = (
        await openSocket(server.app.url, {
          view: 'kiosk',
          deviceToken: await pairDevice(server, admin, 'kiosk'),
        })
      ).socket;
      const desk = (await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator })).socket;
      const boardNow = async () => {
        const s = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
        await until(() => s.received.length > 0, 'snapshot');
        s.socket.disconnect();
        return (s.received[0]!.data as Extract<SyncMessage<'flowBoard'>, { kind: 'snapshot' }>).state;
      };
      const send = (cmd: object): Promise<CommandResult> =>
        desk.emitWithAck('command', { commandId: uuid(), ...cmd });
      const visits = Object.values((await boardNow()).visits);
      // The whole day: most patients seen, one no-show, one leaves without being seen.
      for (const [i, v] of visits.entries()) {
        if (i === 3) {
          await send({ type: 'MarkNoShow', visitId: v.id, version: v.version });
          continue;
        }
        await kiosk.emitWithAck('findAppointment', {
          lastName: v.patient.lastName,
          dateOfBirth: v.patient.dateOfBirth,
        });
        expect(
          (await kiosk.emitWithAck('command', { commandId: uuid(), type: 'CheckInPatient', visitId: v.id }))
            .ok,
        ).toBe(true);
        server.clock.advance(7);
        let current: Visit = (await boardNow()).visits[v.id]!;
        if (i === 5) {
          await send({ type: 'MarkLeftWithoutBeingSeen', visitId: v.id, version: current.version });
          continue;
        }
        const room = Object.values((await boardNow()).rooms).find((r) => r.status === 'available')!;
        for (const step of [
          'CallPatient',
          'MarkPatientInRoom',
          'StartConsultation',
          'CheckOutPatient',
        ] as const) {
          const r = await send({ type: step, visitId: v.id, roomId: room.id, version: current.version });
          expect(r.ok, `${step}: ${JSON.stringify(r)}`).toBe(true);
          current = (await boardNow()).visits[v.id]!;
          server.clock.advance(3);
        }
        const dirty = (await boardNow()).rooms[room.id]!;
        await send({ type: 'MarkRoomCleaned', roomId: room.id, version: dirty.version });
      }
      // A display reconnecting from zero replays the day too.
      const replayed = await openSocket(server.app.url, {
        view: 'displayBoard',
        lastSeq: 0,
        deviceToken: lateDisplay,
      });
      await until(() => replayed.received.length > 0, 'replay');
      const messages = [...wall.received, ...replayed.received].map((r) => r.data);
      expect(wall.received.length).toBeGreaterThan(100);

      const allowed = new Set([
        'kind',
        'state',
        'seq',
        'prev',
        'at',
        'serverTime',
        'events',
        'type',
        'payload',
        'clinic',
        'clinic.name',
        'clinic.timezone',
        'clinic.displayPrivacy',
        'clinic.displayNotice',
        'clinic.roomThresholds',
        'clinic.roomThresholds.occupied',
        'clinic.roomThresholds.needs_cleaning',
        'providers.*.delayMinutes',
        'equipment',
        'equipment.*',
        'equipment.*.id',
        'equipment.*.name',
        'equipment.*.roomId',
        'equipment.*.status',
        'providers',
        'providers.*',
        'providers.*.id',
        'providers.*.name',
        'rooms',
        'rooms.*',
        'rooms.*.id',
        'rooms.*.name',
        'rooms.*.status',
        'rooms.*.statusSince',
        'visits',
        'visits.*',
        'visits.*.id',
        'visits.*.label',
        'visits.*.status',
        'visits.*.roomId',
        'visits.*.providerId',
        'visits.*.statusSince',
        'visits.*.queuedAt',
        'visits.*.calledAt',
        'visit',
        'visit.id',
        'visit.label',
        'visit.status',
        'visit.roomId',
        'visit.providerId',
        'visit.statusSince',
        'visit.queuedAt',
        'visit.calledAt',
        'room',
        'room.id',
        'room.name',
        'room.status',
        'room.statusSince',
        'id',
      ]);
      const paths = new Set<string>();
      const walk = (value: unknown, path: string, mapKeys: boolean) => {
        if (Array.isArray(value)) return value.forEach((v) => walk(v, path, false));
        if (value === null || typeof value !== 'object') return;
        for (const [k, v] of Object.entries(value)) {
          const segment = mapKeys ? '*' : k;
          const p = path ? `${path}.${segment}` : segment;
          paths.add(p.replace(/^(state|events|payload)\.?/, '').replace(/^payload\./, '') || k);
          walk(v, p, ['providers', 'rooms', 'visits', 'equipment'].includes(k) && path.endsWith('state'));
        }
      };
      for (const m of messages) walk(m, '', false);
      const unexpected = [...paths].filter((p) => p && !allowed.has(p));
      expect(unexpected, JSON.stringify(unexpected)).toEqual([]);
      const everything = JSON.stringify(messages);
      for (const v of visits) {
        expect(everything).not.toContain(v.patient.lastName);
        expect(everything).not.toContain(v.patient.dateOfBirth);
        expect(everything).not.toContain(v.patientId);
      }
    } finally {
      await server.close();
    }
  });
});
