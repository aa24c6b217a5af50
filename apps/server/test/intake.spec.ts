import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import type { Alert, DomainEvent, EventEnvelope, Questionnaire, Visit } from '@clinicflow/domain';
import type { CheckInResult, CommandResult, QueuedResult } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
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

describe.each(testBackends)(
  'kiosk intake: questionnaires, consent, urgent screening, walk-ins (%s)',
  (backend) => {
    let server: TestServer;
    let kiosk: TestSocket;
    let coordinator: string;
    let consoleEvents: { data: unknown }[];
    let displayRaw: { raw: string }[];

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

    beforeAll(async () => {
      server = await startTestServer(backend, { intake: true });
      coordinator = await signIn(server, 'coordinator');
      const admin = await signIn(server, 'admin');
      kiosk = (
        await openSocket(server.app.url, {
          view: 'kiosk',
          deviceToken: await pairDevice(server, admin, 'kiosk'),
        })
      ).socket;
      const consoleSocket = await openSocket(server.app.url, { view: 'flowBoard', cookie: coordinator });
      consoleEvents = consoleSocket.received;
      const display = await openSocket(server.app.url, {
        view: 'displayBoard',
        deviceToken: await pairDevice(server, admin, 'waiting_room_display'),
      });
      displayRaw = display.received;
    });
    afterAll(() => server?.close());

    it('takes a check-up patient through every form and the consent before they join the queue', async () => {
      const visit = await booked('checkup');
      await lookUp(visit);
      const checkIn = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      expect(checkIn.ok).toBe(true);
      const { intake, ticketCode } = checkIn.result;
      expect(ticketCode).toMatch(/^A-\d{3}$/);
      expect(intake!.questionnaires.map((q) => q.key)).toEqual(['respiratory', 'medical_history', 'phq9']);
      expect(intake!.consent?.key).toBe('treatment_and_privacy');
      expect(intake!.askContactDetails).toBe(true);
      expect((await board()).visits[visit.id]!.status).toBe('arrived');

      // Not in the queue until the forms are done.
      expect(await send({ type: 'CompleteCheckIn', visitId: visit.id })).toMatchObject({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
      });

      const [respiratory, history, phq9] = intake!.questionnaires as [
        Questionnaire,
        Questionnaire,
        Questionnaire,
      ];
      const bad = await send({
        type: 'SubmitQuestionnaire',
        visitId: visit.id,
        questionnaireId: respiratory.id,
        answers: { breathing: false, chest_pain: false, fever: 'maybe', cough: false, travel: true },
      });
      expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
      const issues = (bad as { issues: { path: string; code: string }[] }).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: 'answers.fever', message: 'wrong_type', code: 'wrong_type' },
          { path: 'answers.travel_where', message: 'required', code: 'required' },
        ]),
      );
      expect(
        await send({
          type: 'SubmitQuestionnaire',
          visitId: visit.id,
          questionnaireId: respiratory.id,
          answers: {
            breathing: false,
            chest_pain: false,
            fever: true,
            cough: true,
            travel: false,
            travel_where: 'ignored',
          },
        }),
      ).toMatchObject({ ok: true, result: { urgent: false } });
      expect(
        await send({
          type: 'SubmitQuestionnaire',
          visitId: visit.id,
          questionnaireId: history.id,
          answers: { allergies: false, conditions: ['asthma'], smoking: 'never', weight_kg: 500, pain: 3 },
        }),
      ).toMatchObject({ ok: false, issues: [{ path: 'answers.weight_kg', code: 'too_big' }] });
      expect(
        await send({
          type: 'SubmitQuestionnaire',
          visitId: visit.id,
          questionnaireId: history.id,
          answers: { allergies: false, conditions: ['asthma'], smoking: 'never', weight_kg: 70, pain: 3 },
        }),
      ).toMatchObject({ ok: true });
      const phq9Answers = Object.fromEntries(phq9.items.map((i) => [i.id, '0']));
      expect(
        await send({
          type: 'SubmitQuestionnaire',
          visitId: visit.id,
          questionnaireId: phq9.id,
          answers: phq9Answers,
        }),
      ).toMatchObject({
        ok: true,
        result: { urgent: false },
      });

      expect(
        await send({
          type: 'UpdateContactDetails',
          visitId: visit.id,
          phone: '555 010 9999',
          emergencyContactName: 'Sam Doe',
        }),
      ).toMatchObject({ ok: true });
      const patient = await repo.patients.get(server.database.db, server.clinic.id, visit.patientId);
      expect(patient).toMatchObject({
        phone: '555 010 9999',
        emergencyContactName: 'Sam Doe',
        address: null,
      });

      const dot = { width: 600, height: 200, strokes: [[{ x: 10, y: 10, t: 0 }]] };
      expect(
        await send({
          type: 'SignConsent',
          visitId: visit.id,
          documentId: intake!.consent!.id,
          signerName: 'Test Patient',
          signature: dot,
        }),
      ).toMatchObject({ ok: false, code: 'VALIDATION', issues: [{ path: 'signature', code: 'too_short' }] });
      expect(
        await send({
          type: 'SignConsent',
          visitId: visit.id,
          documentId: intake!.consent!.id,
          signerName: 'Test Patient',
          signature,
        }),
      ).toMatchObject({ ok: true });

      const done = (await send({ type: 'CompleteCheckIn', visitId: visit.id })) as {
        ok: true;
        result: QueuedResult;
      };
      expect(done).toMatchObject({ ok: true, result: { ticketCode } });
      expect((await board()).visits[visit.id]!.status).toBe('waiting');
      await until(
        () => displayRaw.some((r) => r.raw.includes(ticketCode) && r.raw.includes('"waiting"')),
        'wallboard shows the ticket',
      );
      // The kiosk is done with this patient.
      expect(
        await send({ type: 'UpdateContactDetails', visitId: visit.id, phone: '555 010 0000' }),
      ).toMatchObject({
        ok: false,
        code: 'NOT_ALLOWED',
      });
    });

    it('sends a patient with an urgent answer to the desk and alerts the console, and nothing reaches the wallboard', async () => {
      const visit = await booked('illness');
      await lookUp(visit);
      const { result } = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      const respiratory = result.intake!.questionnaires.find((q) => q.key === 'respiratory')!;
      const displayBefore = displayRaw.length;
      const urgent = await send({
        type: 'SubmitQuestionnaire',
        visitId: visit.id,
        questionnaireId: respiratory.id,
        answers: { breathing: true, chest_pain: true, fever: false, cough: false, travel: false },
      });
      expect(urgent).toMatchObject({ ok: true, result: { urgent: true } });
      await until(
        () => consoleEvents.some((r) => (r.data as EventEnvelope<DomainEvent>).type === 'UrgentAlertRaised'),
        'console alert',
      );
      const raised = consoleEvents
        .map((r) => r.data as EventEnvelope<DomainEvent>)
        .find((e) => e.type === 'UrgentAlertRaised')!;
      const alert = (raised.payload as { alert: Alert }).alert;
      expect(alert).toMatchObject({
        visitId: visit.id,
        ticketCode: result.ticketCode,
        patientName: `${visit.patient.firstName} ${visit.patient.lastName}`,
        findings: ['Difficulty breathing', 'Chest pain'],
        acknowledgedAt: null,
      });
      expect((await board()).alerts[alert.id]).toEqual(alert);
      // Nothing of it on the wallboard: no event at all, and the patient is not in the queue there.
      expect(displayRaw.length).toBe(displayBefore);

      const nurse = await signIn(server, 'nurse');
      const ack = await api(server, 'POST', '/api/commands', {
        cookie: nurse,
        body: { type: 'AcknowledgeAlert', commandId: uuid(), alertId: alert.id },
      });
      expect(ack.body).toMatchObject({ ok: true });
      expect((await board()).alerts[alert.id]!.acknowledgedAt).not.toBeNull();
      const again = await api(server, 'POST', '/api/commands', {
        cookie: coordinator,
        body: { type: 'AcknowledgeAlert', commandId: uuid(), alertId: alert.id },
      });
      expect(again.body).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    });

    it('lets a patient who walked away mid-intake look themselves up again and carry on', async () => {
      const visit = await booked('follow_up');
      await lookUp(visit);
      const first = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      const again = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      expect(again.ok).toBe(true);
      expect(again.result.ticketCode).toBe(first.result.ticketCode);
      expect(again.result.intake!.questionnaires.map((q) => q.key)).toEqual(
        first.result.intake!.questionnaires.map((q) => q.key),
      );
    });

    it('checks in a returning vaccination patient with no forms due after one question about contact details', async () => {
      const visit = await booked('vaccination');
      await lookUp(visit);
      const { result } = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      expect(result.intake).toEqual({ questionnaires: [], consent: null, askContactDetails: true });
      expect(await send({ type: 'CompleteCheckIn', visitId: visit.id })).toMatchObject({
        ok: true,
        result: { ticketCode: result.ticketCode },
      });
    });

    it('offers a checked-out patient the satisfaction survey once, and keeps it out of check-in', async () => {
      const visit = await booked('vaccination');
      await lookUp(visit);
      const checkIn = (await send({ type: 'CheckInPatient', visitId: visit.id })) as {
        ok: true;
        result: CheckInResult;
      };
      expect(checkIn.result.intake!.questionnaires.map((q) => q.key)).not.toContain('satisfaction');
      await send({ type: 'CompleteCheckIn', visitId: visit.id });
      const room = Object.values((await board()).rooms).find((r) => r.status === 'available')!;
      for (const type of ['CallPatient', 'MarkPatientInRoom', 'CheckOutPatient']) {
        const current = (await board()).visits[visit.id]!;
        const r = await api(server, 'POST', '/api/commands', {
          cookie: coordinator,
          body: { type, commandId: uuid(), visitId: visit.id, roomId: room.id, version: current.version },
        });
        expect(r.body, type).toMatchObject({ ok: true });
      }
      const found = (await lookUp(visit)) as {
        ok: true;
        match: { status: string; survey: Questionnaire | null };
      };
      expect(found.match.status).toBe('checked_out');
      expect(found.match.survey?.key).toBe('satisfaction');
      const survey = found.match.survey!;
      expect(
        await send({
          type: 'SubmitSurvey',
          visitId: visit.id,
          questionnaireId: survey.id,
          answers: { overall: '9', wait_ok: true },
        }),
      ).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        issues: [{ path: 'answers.overall', code: 'not_an_option' }],
      });
      expect(
        await send({
          type: 'SubmitSurvey',
          visitId: visit.id,
          questionnaireId: survey.id,
          answers: { overall: '4', wait_ok: true, recommend: 9, comment: 'Friendly staff' },
        }),
      ).toMatchObject({ ok: true });
      expect(((await lookUp(visit)) as { match: { survey: unknown } }).match.survey).toBeNull();
      expect(
        await send({
          type: 'SubmitSurvey',
          visitId: visit.id,
          questionnaireId: survey.id,
          answers: { overall: '1', wait_ok: false },
        }),
      ).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    });

    it('finds an appointment by its code, in any case and with a dash', async () => {
      const patients = (await api(server, 'GET', '/api/demo/patients', { cookie: coordinator })).body as {
        visitId: string;
        firstName: string;
        appointmentCode: string;
        status: string;
      }[];
      const p = patients.find((x) => x.status === 'booked')!;
      const code = `${p.appointmentCode.slice(0, 3).toLowerCase()}-${p.appointmentCode.slice(3)}`;
      // The whole answer: the kiosk learns the first name and the time, nothing more.
      expect(await kiosk.emitWithAck('findAppointment', { code })).toEqual({
        ok: true,
        match: {
          visitId: p.visitId,
          firstName: p.firstName,
          scheduledAt: expect.any(String),
          status: 'booked',
          survey: null,
        },
      });
      expect(await kiosk.emitWithAck('findAppointment', { code: 'ZZZZZZ' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    });

    it('registers a walk-in with a W ticket, their intake, and a twin that the desk must sort out', async () => {
      const walkIn = (await send({
        type: 'RegisterWalkIn',
        firstName: 'Walker',
        lastName: 'Inman',
        dateOfBirth: '1990-04-05',
        phone: '555 010 4242',
        reasonCategory: 'illness',
      })) as { ok: true; result: CheckInResult };
      expect(walkIn.ok).toBe(true);
      expect(walkIn.result.ticketCode).toMatch(/^W-\d{3}$/);
      expect(walkIn.result.intake!.questionnaires.map((q) => q.key)).toEqual(['respiratory']);
      const visit = (await board()).visits[walkIn.result.visitId]!;
      expect(visit).toMatchObject({
        status: 'arrived',
        appointmentId: null,
        reasonCategory: 'illness',
        patient: { firstName: 'Walker' },
      });
      // The kiosk carries on with the walk-in's own intake without a lookup.
      const respiratory = walkIn.result.intake!.questionnaires[0]!;
      expect(
        await send({
          type: 'SubmitQuestionnaire',
          visitId: visit.id,
          questionnaireId: respiratory.id,
          answers: { breathing: false, chest_pain: false, fever: false, cough: false, travel: false },
        }),
      ).toMatchObject({ ok: true });

      const bad = await send({
        type: 'RegisterWalkIn',
        firstName: '',
        lastName: 'X',
        dateOfBirth: '1990-02-31',
        phone: 'abc',
        reasonCategory: 'nope',
      });
      expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect((bad as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
        'dateOfBirth',
        'firstName',
        'phone',
        'reasonCategory',
      ]);

      // Someone else with the same last name and date of birth as a booked patient: the kiosk sends both to the desk.
      const booked = Object.values((await board()).visits).find((v) => v.status === 'booked')!;
      await send({
        type: 'RegisterWalkIn',
        firstName: 'Twin',
        lastName: booked.patient.lastName,
        dateOfBirth: booked.patient.dateOfBirth,
        phone: '555 010 1111',
        reasonCategory: 'other',
      });
      expect(await lookUp(booked)).toMatchObject({ ok: false, code: 'AMBIGUOUS' });
    });
  },
);
