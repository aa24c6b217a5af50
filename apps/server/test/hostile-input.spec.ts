import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FlowBoard } from '@clinicflow/domain';
import { apiRoutes, commandMap, commandTypes, type SyncMessage } from '@clinicflow/contracts';
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

// Strings that broke the server before (NUL, lone surrogates) and everything else fast-check can make.
const nasty = fc.constantFrom('\u0000', 'Lee\u0000', '\uD800', 'x\uDFFF', '\u001b[2J', '\u202e', 'ﬀ', '');
const anyString = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Every field any command has: a payload made of these reaches past validation into the handlers. */
const commandFields = [
  'commandId',
  ...new Set(Object.values(commandMap).flatMap((c): string[] => Object.keys(c.input.shape))),
];

const isServerFault = (status: number, body: unknown) =>
  status >= 500 || (body as { code?: string } | null)?.code === 'INTERNAL';

describe.each(testBackends)('hostile input never becomes a server error (%s)', (backend) => {
  let server: TestServer;
  let admin: string;
  let kioskToken: string;
  let kiosk: TestSocket;
  let realIds: string[];

  beforeAll(async () => {
    server = await startTestServer(backend, { intake: true });
    admin = await signIn(server, 'admin');
    kioskToken = await pairDevice(server, admin, 'kiosk');
    kiosk = (await openSocket(server.app.url, { view: 'kiosk', deviceToken: kioskToken })).socket;
    const consoleView = await openSocket(server.app.url, { view: 'flowBoard', cookie: admin });
    await until(() => consoleView.received.length > 0, 'snapshot');
    const board = (consoleView.received[0]!.data as Extract<SyncMessage<'flowBoard'>, { kind: 'snapshot' }>)
      .state as FlowBoard;
    consoleView.socket.disconnect();
    // Real ids, so a fuzzed command can pass validation and reach the rule and the database.
    realIds = [
      ...Object.keys(board.visits),
      ...Object.keys(board.rooms),
      ...Object.keys(board.providers),
      ...Object.keys(board.equipment),
    ];
  }, 60_000);
  afterAll(() => server?.close());

  const field = () =>
    fc.oneof(anyValue, fc.constantFrom(...realIds), fc.uuid(), fc.integer({ min: 0, max: 5 }), anyString);
  const command = () =>
    fc.record({
      type: fc.oneof(fc.constantFrom(...commandTypes), anyString),
      commandId: fc.oneof(fc.uuid(), anyValue),
      fields: fc.dictionary(fc.constantFrom(...commandFields), field(), { maxKeys: 6 }),
    });

  it('every command, over HTTP and over the socket, answers a refusal, never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(command(), async ({ type, commandId, fields }) => {
        const body = { ...fields, type, commandId };
        const http = await api(server, 'POST', '/api/commands', { cookie: admin, body });
        expect(isServerFault(http.status, http.body), JSON.stringify({ body, answer: http.body })).toBe(
          false,
        );
        const socket = await kiosk.emitWithAck('command', body);
        expect(isServerFault(0, socket), JSON.stringify({ body, answer: socket })).toBe(false);
      }),
      {
        numRuns: 400,
        // The probes' finds, always tried: a NUL in an otherwise valid walk-in, and in the wallboard notice.
        examples: [
          [
            {
              type: 'RegisterWalkIn',
              commandId: crypto.randomUUID(),
              fields: {
                firstName: 'Ana\u0000',
                lastName: 'Quintero',
                dateOfBirth: '1985-03-27',
                phone: '555 010 2030',
                reasonCategory: 'illness',
              },
            },
          ],
          [
            {
              type: 'UpdateDisplaySettings',
              commandId: crypto.randomUUID(),
              fields: { displayNotice: 'x\u0000' },
            },
          ],
        ],
      },
    );
  }, 120_000);

  it('the kiosk lookup, over the socket and HTTP, refuses bad input plainly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ lastName: anyString, dateOfBirth: fc.oneof(anyString, fc.constant('1985-03-27')) }),
          fc.record({ code: anyString }),
          anyValue,
        ),
        async (query) => {
          // One lookup every six minutes: the slowdown for repeated misses never kicks in.
          server.clock.advance(6);
          const http = await api(server, 'POST', '/api/kiosk/find-appointment', {
            deviceToken: kioskToken,
            body: query,
          });
          expect(isServerFault(http.status, http.body), JSON.stringify({ query, answer: http.body })).toBe(
            false,
          );
          const socket = await kiosk.emitWithAck('findAppointment', query);
          expect(isServerFault(0, socket), JSON.stringify({ query, answer: socket })).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  // Signing out would end the session the rest of the run uses; those two take no input anyway.
  const routes = Object.entries(apiRoutes).filter(
    ([name]) => name !== 'logout' && name !== 'logoutEverywhere',
  );

  it('every HTTP route, whatever its path id, query and body, answers 4xx rather than 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(anyString, fc.uuid()),
        fc.dictionary(fc.constantFrom('actor', 'action', 'entityType', 'limit', 'before', 'x'), anyString, {
          maxKeys: 3,
        }),
        fc.oneof(
          anyValue,
          fc.record({ username: anyString, password: anyString }),
          fc.record({ code: anyString, name: anyString, type: anyString }),
        ),
        fc.constantFrom('admin', 'kiosk', 'nobody'),
        async ([, route], id, query, body, who) => {
          const path = route.path.replace(':id', pathSegment(id)) + '?' + new URLSearchParams(query);
          const res = await api(server, route.method, path, {
            ...(who === 'admin' ? { cookie: admin } : who === 'kiosk' ? { deviceToken: kioskToken } : {}),
            ...(route.method === 'GET' ? {} : { body }),
          });
          expect(res.status, JSON.stringify({ path, body, who, answer: res.body })).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});

/** A path segment as an attacker may send it: a lone surrogate becomes bytes that are not valid UTF-8. */
function pathSegment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return '%ED%A0%80' + encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, ''));
  }
}
