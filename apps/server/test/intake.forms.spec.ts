import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import type { Questionnaire } from '@clinicflow/domain';
import type { CheckInResult, QueuedResult } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { api, testSignature, until, type TestServer } from './harness';
import { startKioskIntake, uuid, type KioskIntake } from './intake.fixtures';

const signature = testSignature;

describe.each(testBackends)(
  'kiosk intake: questionnaires, consent, urgent screening, walk-ins (%s)',
  (backend) => {
    let server: TestServer;
    let coordinator: string;
    let displayRaw: KioskIntake['displayRaw'];
    let send: KioskIntake['send'];
    let board: KioskIntake['board'];
    let booked: KioskIntake['booked'];
    let lookUp: KioskIntake['lookUp'];

    beforeAll(async () => {
      ({ server, coordinator, displayRaw, send, board, booked, lookUp } = await startKioskIntake(backend));
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
  },
);
