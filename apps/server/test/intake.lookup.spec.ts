import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import type { CheckInResult } from '@clinicflow/contracts';
import { api, type TestServer, type TestSocket } from './harness';
import { startKioskIntake, type KioskIntake } from './intake.fixtures';

describe.each(testBackends)(
  'kiosk intake: questionnaires, consent, urgent screening, walk-ins (%s)',
  (backend) => {
    let server: TestServer;
    let kiosk: TestSocket;
    let coordinator: string;
    let send: KioskIntake['send'];
    let board: KioskIntake['board'];
    let booked: KioskIntake['booked'];
    let lookUp: KioskIntake['lookUp'];

    beforeAll(async () => {
      ({ server, kiosk, coordinator, send, board, booked, lookUp } = await startKioskIntake(backend));
    });
    afterAll(() => server?.close());

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
