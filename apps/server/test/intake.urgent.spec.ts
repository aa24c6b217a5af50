import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import type { Alert, DomainEvent, EventEnvelope } from '@clinicflow/domain';
import type { CheckInResult } from '@clinicflow/contracts';
import { api, signIn, until, type TestServer } from './harness';
import { startKioskIntake, uuid, type KioskIntake } from './intake.fixtures';

describe.each(testBackends)(
  'kiosk intake: questionnaires, consent, urgent screening, walk-ins (%s)',
  (backend) => {
    let server: TestServer;
    let coordinator: string;
    let consoleEvents: KioskIntake['consoleEvents'];
    let displayRaw: KioskIntake['displayRaw'];
    let send: KioskIntake['send'];
    let board: KioskIntake['board'];
    let booked: KioskIntake['booked'];
    let lookUp: KioskIntake['lookUp'];

    beforeAll(async () => {
      ({ server, coordinator, consoleEvents, displayRaw, send, board, booked, lookUp } =
        await startKioskIntake(backend));
    });
    afterAll(() => server?.close());

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
  },
);
