import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyDisplayEvent,
  applyFlowBoardEvent,
  emptyFlowBoard,
  projectFlowBoardForDisplay,
  type DisplayBoard,
  type DisplayEvent,
  type DomainEvent,
  type EventEnvelope,
  type FlowBoard,
  type Questionnaire,
  type Visit,
} from '@clinicflow/domain';
import type { CheckInResult, CommandResult, DeviceInfo, SyncMessage } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import {
  api,
  openSocket,
  snapshotOf,
  pairDevice,
  signIn,
  startTestServer,
  testSignature,
  until,
  type TestServer,
  type TestSocket,
} from './harness';

const uuid = () => crypto.randomUUID();
const signature = testSignature;
/** Every kind of fact the server records; the day below must produce each one. */
const everyEventType: DomainEvent['type'][] = [
  'VisitBooked',
  'VisitCheckedIn',
  'VisitStatusChanged',
  'RoomStatusChanged',
  'WalkInRegistered',
  'QuestionnaireSubmitted',
  'ConsentSigned',
  'ContactDetailsUpdated',
  'SurveySubmitted',
  'UrgentAlertRaised',
  'AlertAcknowledged',
  'ProviderDelayChanged',
  'DisplaySettingsChanged',
  'EquipmentStatusChanged',
  'RosterChanged',
  'DutyTaskCreated',
  'DutyTaskCompleted',
  'DutyTaskChanged',
];

describe.each(testBackends)(
  'a whole clinic day folds from an empty view into the server’s own picture (%s)',
  (backend) => {
    let server: TestServer;
    let kiosk: TestSocket;
    let desk: TestSocket;
    let displayToken: string;
    let start: FlowBoard;
    let namesWall: Awaited<ReturnType<typeof openSocket>>;

    let coordinator: string;
    const board = () => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
    const ok = async (socket: TestSocket, command: object): Promise<CommandResult> => {
      const result: CommandResult = await socket.emitWithAck('command', { commandId: uuid(), ...command });
      expect(result, JSON.stringify(command)).toMatchObject({ ok: true });
      return result;
    };
    const visitCommand = async (type: string, id: string, extra: object = {}) =>
      ok(desk, { type, visitId: id, version: (await board()).visits[id]!.version, ...extra });
    const roomCommand = async (type: string, id: string) =>
      ok(desk, { type, roomId: id, version: (await board()).rooms[id]!.version });

    /** Answers what the kiosk asks, as a patient would; `urgent` says yes to chest pain. */
    async function finishIntake(visitId: string, result: CheckInResult, urgent = false) {
      for (const q of result.intake?.questionnaires ?? []) {
        await ok(kiosk, {
          type: 'SubmitQuestionnaire',
          visitId,
          questionnaireId: q.id,
          answers: answersFor(q, urgent),
        });
      }
      if (urgent) return;
      if (result.intake?.askContactDetails)
        await ok(kiosk, { type: 'UpdateContactDetails', visitId, phone: '555 010 7777' });
      if (result.intake?.consent) {
        await ok(kiosk, {
          type: 'SignConsent',
          visitId,
          documentId: result.intake.consent.id,
          signerName: 'Day Patient',
          signature,
        });
      }
      await ok(kiosk, { type: 'CompleteCheckIn', visitId });
    }

    beforeAll(async () => {
      server = await startTestServer(backend, { intake: true });
      const admin = await signIn(server, 'admin');
      coordinator = await signIn(server, 'coordinator');
      kiosk = (
        await openSocket(server.app.url, {
          view: 'kiosk',
          deviceToken: await pairDevice(server, admin, 'kiosk'),
        })
      ).socket;
      desk = (await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator })).socket;
      displayToken = await pairDevice(server, admin, 'waiting_room_display', 'Day TV');
      // A second screen set to first names, watching live all day: the strictest test of what reaches a display.
      const namesToken = await pairDevice(server, admin, 'waiting_room_display', 'Names TV');
      const devices = (await api(server, 'GET', '/api/devices', { cookie: admin })).body as DeviceInfo[];
      const names = devices.find((d) => d.name === 'Names TV')!;
      const updated = await api(server, 'PATCH', `/api/devices/${names.id}`, {
        cookie: admin,
        body: { config: { ...names.config!, privacy: 'first_name_initial' } },
      });
      expect(updated.status).toBe(200);
      namesWall = await openSocket(server.app.url, { view: 'displayBoard', deviceToken: namesToken });
      start = await board();
    }, 60_000);
    afterAll(() => server?.close());

    it('every command of a day, then the console and display folds equal the snapshots, all of them', async () => {
      const booked = Object.values(start.visits).filter((v) => v.status === 'booked');
      const byCategory = (c: string) => booked.find((v) => v.reasonCategory === c)!;
      const [room1, room2] = Object.keys(start.rooms);
      const lookUp = (v: Visit) =>
        kiosk.emitWithAck('findAppointment', {
          lastName: v.patient.lastName,
          dateOfBirth: v.patient.dateOfBirth,
        });

      // A check-up patient through every form and the consent.
      const checkup = byCategory('checkup');
      await lookUp(checkup);
      const checkIn = (await ok(kiosk, { type: 'CheckInPatient', visitId: checkup.id })) as {
        result: CheckInResult;
      };
      await finishIntake(checkup.id, checkIn.result);

      // A walk-in with chest pain: an urgent alert the desk takes, then sends to the waiting room.
      const urgent = (await ok(kiosk, walkIn('Urgent'))) as { result: CheckInResult };
      await finishIntake(urgent.result.visitId, urgent.result, true);
      const alert = Object.values((await board()).alerts)[0]!;
      await ok(desk, { type: 'AcknowledgeAlert', alertId: alert.id });
      await visitCommand('SendToWaitingRoom', urgent.result.visitId);

      // The check-up patient is seen and leaves; the room is cleaned; they answer the survey on the way out.
      await visitCommand('CallPatient', checkup.id, { roomId: room1 });
      await visitCommand('MarkPatientInRoom', checkup.id);
      await visitCommand('StartConsultation', checkup.id);
      await visitCommand('CheckOutPatient', checkup.id);
      await roomCommand('MarkRoomCleaned', room1!);
      const found = (await lookUp(checkup)) as { ok: true; match: { survey: Questionnaire } };
      await ok(kiosk, {
        type: 'SubmitSurvey',
        visitId: checkup.id,
        questionnaireId: found.match.survey.id,
        answers: { overall: '4', wait_ok: true },
      });

      // The rest of a day's trouble.
      await visitCommand('MarkLeftWithoutBeingSeen', urgent.result.visitId);
      const others = booked.filter((v) => v.id !== checkup.id);
      await visitCommand('MarkNoShow', others[0]!.id);
      await visitCommand('CancelVisit', others[1]!.id);
      await roomCommand('TakeRoomOutOfService', room2!);
      await roomCommand('ReturnRoomToService', room2!);
      await ok(desk, { type: 'AnnounceDelay', providerId: Object.keys(start.providers)[0], minutes: 15 });
      // The demo seeds today's roster and duties; one of them is done.
      const [task] = await repo.dutyTasks.list(server.database.db, server.clinic.id, new Date(0));
      await ok(desk, { type: 'CompleteDutyTask', taskId: task!.id });
      // Not really done after all: open again.
      await ok(desk, { type: 'ReopenDutyTask', taskId: task!.id, version: task!.version + 1 });
      // A room session taken off today's roster leaves the board's picture of who holds which room.
      const [session] = Object.values(start.roomShifts);
      await ok(desk, { type: 'RemoveShift', shiftId: session!.id });
      await ok(desk, {
        type: 'UpdateDisplaySettings',
        displayNotice: 'Masks available at the desk',
        displayPrivacy: 'first_name_initial',
      });
      const item = Object.values(start.equipment)[0]!;
      await ok(desk, {
        type: 'SetEquipmentStatus',
        equipmentId: item.id,
        status: 'out_of_service',
        version: item.version,
      });
      // A walk-in still waiting at the end of the day, shown by first name now.
      const late = (await ok(kiosk, walkIn('Late'))) as { result: CheckInResult };
      await finishIntake(late.result.visitId, late.result);

      // Console: the day's events over the day's empty board are the board the server builds from its tables.
      const events = await repo.events.listAfter(server.database.db, {
        clinicId: server.clinic.id,
        afterSeq: 0,
        displayOnly: false,
        limit: 10_000,
      });
      expect(new Set(events.map((e) => e.event.type))).toEqual(new Set(everyEventType));
      const empty: FlowBoard = { ...start, visits: {}, alerts: {} };
      const folded = events.reduce((b, e) => applyFlowBoardEvent(b, e.event), empty);
      const end = await board();
      expect(folded).toEqual(end);
      expect(
        emptyFlowBoard({
          ...start,
          providers: Object.values(start.providers),
          rooms: Object.values(start.rooms),
          equipment: Object.values(start.equipment),
          appointmentTypes: Object.values(start.appointmentTypes),
          roomShifts: Object.values(start.roomShifts),
        }),
      ).toEqual(empty);

      // Display: a screen replaying from the first event reaches exactly the snapshot a fresh screen gets.
      const wall = await openSocket(server.app.url, {
        view: 'displayBoard',
        lastSeq: 0,
        deviceToken: displayToken,
      });
      await until(() => wall.received.length > 0, 'display replay');
      wall.socket.disconnect();
      const replay = wall.received[0]!.data as Extract<SyncMessage<'displayBoard'>, { kind: 'replay' }>;
      expect(replay.kind).toBe('replay');
      const displayEmpty: DisplayBoard = projectFlowBoardForDisplay(empty);
      const displayFolded = replay.events.reduce(
        (b, e) => applyDisplayEvent(b, e as EventEnvelope<DisplayEvent>),
        displayEmpty,
      );
      expect(displayFolded).toEqual(
        await snapshotOf(server, { view: 'displayBoard', deviceToken: displayToken }),
      );

      // Nothing private reached the first-name screen all day: no value of any patient the database holds.
      await until(
        () => namesWall.received.some((r) => r.raw.includes('Walker L.')),
        'first names on the screen',
      );
      const seen = namesWall.received.map((r) => r.raw).join('\n');
      const patients = await Promise.all(
        Object.values(end.visits).map((v) =>
          repo.patients.get(server.database.db, server.clinic.id, v.patientId),
        ),
      );
      const privateValues = [
        ...patients.flatMap((p) => [
          p!.id,
          p!.lastName,
          p!.dateOfBirth,
          p!.phone,
          p!.address,
          p!.emergencyContactName,
          p!.emergencyContactPhone,
          p!.insuranceProvider,
          p!.insuranceMemberId,
        ]),
        ...Object.values(end.visits).flatMap((v) => [v.reason, v.reasonCategory, v.appointmentId]),
        ...Object.values(end.alerts).flatMap((a) => a.findings),
      ].filter((v): v is string => typeof v === 'string' && v.length > 0);
      expect(privateValues.length).toBeGreaterThan(50);
      for (const value of new Set(privateValues)) expect(seen, value).not.toContain(value);
      namesWall.socket.disconnect();
    }, 120_000);
  },
);

function walkIn(lastName: string) {
  return {
    type: 'RegisterWalkIn',
    firstName: 'Walker',
    lastName,
    dateOfBirth: '1990-04-05',
    phone: '555 010 4242',
    reasonCategory: 'illness',
  };
}

/** A valid answer to every question a form asks (respiratory, history, PHQ-9), saying yes to chest pain if urgent. */
function answersFor(q: Questionnaire, urgent: boolean): Record<string, unknown> {
  if (q.key === 'respiratory')
    return { breathing: false, chest_pain: urgent, fever: false, cough: true, travel: false };
  if (q.key === 'medical_history')
    return { allergies: false, conditions: ['asthma'], smoking: 'never', weight_kg: 70, pain: 3 };
  if (q.key === 'phq9') return Object.fromEntries(q.items.map((i) => [i.id, '0']));
  throw new Error(`no answers for questionnaire ${q.key}`);
}
