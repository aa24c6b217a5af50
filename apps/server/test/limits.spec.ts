import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '@clinicflow/domain';
import type { CheckInResult, CommandResult, FindAppointmentResult } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import {
  api,
  demoPassword,
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

describe.each(testBackends)(
  'the day does not run out, and a kiosk is never refused its own retry (%s)',
  (backend) => {
    let server: TestServer;
    let admin: string;
    let coordinator: string;
    let kioskToken: string;
    let kiosk: TestSocket;

    const connectKiosk = async (token = kioskToken) =>
      (await openSocket(server.app.url, { view: 'kiosk', deviceToken: token })).socket;
    const send = (socket: TestSocket, cmd: object): Promise<CommandResult> =>
      socket.emitWithAck('command', { commandId: uuid(), ...cmd });
    const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
    const booked = async (): Promise<Visit[]> =>
      Object.values((await board()).visits).filter((v) => v.status === 'booked');
    const lookUp = (socket: TestSocket, v: Visit) =>
      socket.emitWithAck('findAppointment', {
        lastName: v.patient.lastName,
        dateOfBirth: v.patient.dateOfBirth,
      });
    const walkIn = (n: number) => ({
      type: 'RegisterWalkIn',
      firstName: 'Walker',
      lastName: `Number${n}`,
      dateOfBirth: '1990-04-05',
      phone: '555 010 4242',
      reasonCategory: 'illness',
    });

    beforeAll(async () => {
      server = await startTestServer(backend);
      admin = await signIn(server, 'admin');
      coordinator = await signIn(server, 'coordinator');
      kioskToken = await pairDevice(server, admin, 'kiosk');
      kiosk = await connectKiosk();
    });
    afterAll(() => server?.close());

    it('after ticket A-999 comes A-1000, and walk-ins count on their own from W-001', async () => {
      const [first, second] = await booked();
      await lookUp(kiosk, first!);
      const a1 = (await send(kiosk, { type: 'CheckInPatient', visitId: first!.id })) as {
        result: CheckInResult;
      };
      expect(a1.result.ticketCode).toBe('A-001');
      // A busy day: the appointment queue has reached 999.
      await repo.visits.assignTicket(server.database.db, { visitId: first!.id, number: 999, code: 'A-999' });

      await lookUp(kiosk, second!);
      const next = await send(kiosk, { type: 'CheckInPatient', visitId: second!.id });
      expect(next).toMatchObject({ ok: true, result: { ticketCode: 'A-1000' } });
      const w = await send(kiosk, walkIn(1));
      expect(w).toMatchObject({ ok: true, result: { ticketCode: 'W-001' } });
    });

    it('a kiosk registering walk-in after walk-in is slowed with a clear message; its retries still answer', async () => {
      const own = await connectKiosk(await pairDevice(server, admin, 'kiosk', 'walk-in kiosk'));
      const results: CommandResult[] = [];
      const commands = Array.from({ length: 8 }, (_, n) => ({ commandId: uuid(), ...walkIn(100 + n) }));
      for (const command of commands) results.push(await own.emitWithAck('command', command));
      expect(results.slice(0, 6).every((r) => r.ok)).toBe(true);
      expect(results[6]).toEqual({
        ok: false,
        code: 'RATE_LIMITED',
        message:
          'This kiosk has registered many walk-ins in the last few minutes; please see the front desk.',
      });
      // A retry of one that was registered is its answer again, not a refusal.
      expect(await own.emitWithAck('command', commands[0]!)).toEqual(results[0]);
      // Another kiosk is not slowed by this one.
      expect(await send(kiosk, walkIn(200))).toMatchObject({ ok: true });
      // On the clinic's clock, a minute later this kiosk may register one more, and only one.
      server.clock.advance(1);
      expect(await send(own, walkIn(300))).toMatchObject({ ok: true });
      expect(await send(own, walkIn(301))).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      own.disconnect();
    });

    it('a check-in whose acknowledgement was lost in a server restart is answered, not refused, on retry', async () => {
      const [visit] = await booked();
      const first = await connectKiosk();
      await lookUp(first, visit!);
      const command = { type: 'CheckInPatient', commandId: uuid(), visitId: visit!.id };
      // The server applies it, and the answer never reaches the kiosk (the network dropped it).
      const lost = await first.emitWithAck('command', command);
      expect(lost).toMatchObject({ ok: true });
      first.disconnect();

      // The server restarts (the kiosk's lookup, kept in memory, is gone) and the kiosk's outbox sends it again.
      await server.restart();
      const again = await connectKiosk();
      const retry = await again.emitWithAck('command', command);
      expect(retry).toEqual(lost);
      expect(retry).toMatchObject({
        ok: true,
        result: { visitId: visit!.id, ticketCode: expect.stringMatching(/^A-/) },
      });
      // Still once: one check-in event for this visit.
      const events = await repo.events.listAfter(server.database.db, {
        clinicId: server.clinic.id,
        afterSeq: 0,
        displayOnly: false,
        limit: 10_000,
      });
      expect(
        events.filter((e) => e.event.type === 'VisitCheckedIn' && e.event.payload.visit.id === visit!.id),
      ).toHaveLength(1);
      again.disconnect();
      kiosk = await connectKiosk();
    });
    it('guessing dates of birth with many lookups at once, by socket and HTTP together, is as slow as one by one', async () => {
      const token = await pairDevice(server, admin, 'kiosk', 'guessing kiosk');
      const socket = await connectKiosk(token);
      const [victim] = await booked();
      // Wrong dates of birth for a real last name, as a guesser would try them.
      let next = 0;
      const guess = () => {
        const day = new Date(Date.UTC(1930, 0, 1) + next++ * 86_400_000).toISOString().slice(0, 10);
        return {
          lastName: victim!.patient.lastName,
          dateOfBirth: day === victim!.patient.dateOfBirth ? '1929-12-31' : day,
        };
      };
      const answered: string[] = [];
      const deadline = Date.now() + 6000;
      // Eight guessers, half on the socket and half over HTTP, each asking again the moment it is answered.
      const guessers = Array.from({ length: 8 }, async (_, g) => {
        while (Date.now() < deadline) {
          const result = await (
            g % 2
              ? api(server, 'POST', '/api/kiosk/find-appointment', {
                  deviceToken: token,
                  body: guess(),
                }).then((r) => r.body as FindAppointmentResult)
              : socket.timeout(10_000).emitWithAck('findAppointment', guess())
          ).catch(() => null); // the restart below closes the socket under a lookup still waiting
          if (!result) return;
          if (Date.now() < deadline) answered.push(result.ok ? 'FOUND' : result.code);
          if (!result.ok && result.code === 'RATE_LIMITED') await new Promise((r) => setTimeout(r, 50));
        }
      });
      await new Promise((r) => setTimeout(r, 6000));
      // A shutdown answers the lookups still sleeping off their slowdown instead of waiting for them.
      await server.restart();
      await Promise.all(guessers);
      const looked = answered.filter((code) => code === 'NOT_FOUND').length;
      // Three misses free, then one after 1 s, 2 s more and 4 s more: at most 5 in 6 s (README: the bound).
      expect(looked).toBeGreaterThanOrEqual(3);
      expect(looked).toBeLessThanOrEqual(5);
      expect(answered.filter((code) => code !== 'NOT_FOUND' && code !== 'RATE_LIMITED')).toEqual([]);
      kiosk = await connectKiosk();
    }, 30_000);

    it('a console scripted faster than a person is slowed with RATE_LIMITED, and stays live', async () => {
      const script = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
      const providerId = Object.keys((await board()).providers)[0]!;
      const delay = (minutes: number) => ({ type: 'AnnounceDelay', providerId, minutes });
      // 400 commands as fast as the socket takes them: past the first 200 some are refused, none dropped.
      const answers = await Promise.all(
        Array.from({ length: 400 }, (_, i) => send(script.socket, delay(i % 60))),
      );
      expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'RATE_LIMITED')).toBe(true);
      expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(200);
      expect(script.socket.connected).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await send(script.socket, delay(0))).toMatchObject({ ok: true });
      // A flood that goes on while refused is dropped.
      for (let i = 0; i < 2000 && script.socket.connected; i++)
        script.socket.emit('command', delay(1), () => {});
      await until(() => !script.socket.connected, 'the flooding socket to be dropped');
    });
  },
);

describe.each(testBackends)('sign-in throttling behind a reverse proxy (%s)', (backend) => {
  let server: TestServer;
  // The server trusts its proxy on loopback, so X-Forwarded-For says which workstation is signing in.
  const login = (from: string, username: string, password: string) =>
    api(server, 'POST', '/api/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': from },
    });

  beforeAll(async () => {
    server = await startTestServer(backend, { trustProxy: '127.0.0.1' });
  });
  afterAll(() => server?.close());

  it('twenty failures from the address everyone shares slow it down, but lock nobody out', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login('10.1.0.1', `nobody${i}`, 'wrong password')).status).toBe(401);
    }
    const started = Date.now();
    const res = await login('10.1.0.1', 'coordinator', demoPassword);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // slowed by about a second, not refused
  });

  it('five wrong passwords lock that account from that address only', async () => {
    for (let i = 0; i < 5; i++) await login('10.2.0.1', 'nurse', 'wrong password');
    expect(await login('10.2.0.1', 'nurse', demoPassword)).toMatchObject({
      status: 429,
      body: { code: 'LOCKED_OUT' },
    });
    expect((await login('10.2.0.2', 'nurse', demoPassword)).status).toBe(200);
  });

  it('many guesses at once for one account count like guesses in a row', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => login('10.3.0.1', 'frontdesk', 'wrong password')),
    );
    // Checked one at a time (a few waiting at most, the rest refused at once): never more than the five a
    // lock allows are checked against the password.
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status !== 401).every((a) => a.status === 429)).toBe(true);
  });

  it('without a trusted proxy, X-Forwarded-For is ignored: a client cannot pick its own address', async () => {
    const direct = await startTestServer(backend);
    try {
      for (let i = 0; i < 5; i++) {
        await api(direct, 'POST', '/api/auth/login', {
          body: { username: 'drlee', password: 'wrong password' },
          headers: { 'x-forwarded-for': `10.4.0.${i}` },
        });
      }
      const res = await api(direct, 'POST', '/api/auth/login', {
        body: { username: 'drlee', password: demoPassword },
        headers: { 'x-forwarded-for': '10.4.0.99' },
      });
      expect(res.status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
