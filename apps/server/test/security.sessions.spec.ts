import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import {
  api,
  openSocket,
  pairDevice,
  signIn,
  startTestServer,
  until,
  type TestServer,
  type TestSocket,
} from './harness';

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
