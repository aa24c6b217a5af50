/** The kiosk intake the intake.*.spec.ts files share, one per file: each starts a server of its own. */
import type { Visit } from '@clinicflow/domain';
import type { CommandResult } from '@clinicflow/contracts';
import type { TestBackend } from '@clinicflow/db/testing';
import { openSocket, snapshotOf, pairDevice, signIn, startTestServer } from './harness';

export const uuid = () => crypto.randomUUID();

/**
 * A server with the demo intake (questionnaires, consent, survey), a paired kiosk, and what a coordinator's console
 * and a waiting-room display receive from then on.
 */
export async function startKioskIntake(backend: TestBackend) {
  const server = await startTestServer(backend, { intake: true });
  const coordinator = await signIn(server, 'coordinator');
  const admin = await signIn(server, 'admin');
  const kiosk = (
    await openSocket(server.app.url, {
      view: 'kiosk',
      deviceToken: await pairDevice(server, admin, 'kiosk'),
    })
  ).socket;
  const consoleSocket = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
  const consoleEvents: { data: unknown }[] = consoleSocket.received;
  const display = await openSocket(server.app.url, {
    view: 'displayBoard',
    deviceToken: await pairDevice(server, admin, 'waiting_room_display'),
  });
  const displayRaw: { raw: string }[] = display.received;

  const send = (cmd: object): Promise<CommandResult> =>
    kiosk.emitWithAck('command', { commandId: uuid(), ...cmd });
  const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
  const booked = async (category: string): Promise<Visit> =>
    Object.values((await board()).visits).find(
      (v) => v.status === 'booked' && v.reasonCategory === category,
    )!;
  const lookUp = (v: Visit) =>
    kiosk.emitWithAck('findAppointment', {
      lastName: v.patient.lastName,
      dateOfBirth: v.patient.dateOfBirth,
    });

  return { server, kiosk, coordinator, consoleEvents, displayRaw, send, board, booked, lookUp };
}

export type KioskIntake = Awaited<ReturnType<typeof startKioskIntake>>;
