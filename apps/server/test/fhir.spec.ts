import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clinicTime,
  type FlowBoard,
  type Question,
  type Questionnaire,
  type Visit,
} from '@clinicflow/domain';
import type { AuditRow, CheckInResult, CommandResult } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { testBackends } from '@clinicflow/db/testing';
import { api, signIn, snapshotOf, startTestServer, testSignature, type TestServer } from './harness';
import { fhirProblems } from './fhir-validator';

const uuid = () => crypto.randomUUID();

/** A valid, non-urgent answer to any question (disabled ones are dropped by the server). */
function answerFor(q: Question) {
  switch (q.type) {
    case 'boolean':
      return q.id === 'travel'; // travel: yes, so the follow-up (an enableWhen) is asked and answered
    case 'choice':
      return q.options![0]!.value;
    case 'multi_choice':
      return [q.options![0]!.value];
    case 'number':
      return q.min ?? 1;
    case 'scale':
      return q.min ?? 0;
    case 'date':
      return '2020-03-04';
    case 'text':
      return 'Lisbon';
  }
}

describe.each(testBackends)('FHIR R4 export on %s', (backend) => {
  let server: TestServer;
  let coordinator: string;
  let nurse: string;
  let desk: string;
  let admin: string;
  let visit: Visit;
  let questionnaires: Questionnaire[];

  const board = (): Promise<FlowBoard> => snapshotOf(server, { view: 'flowBoard', cookie: coordinator });
  const ok = async (command: object) => {
    const res = await api(server, 'POST', '/api/commands', {
      cookie: coordinator,
      body: { commandId: uuid(), ...command },
    });
    expect(res.body, JSON.stringify(command)).toMatchObject({ ok: true });
    return res.body as CommandResult & { result: unknown };
  };
  const step = async (type: string, extra: object = {}) => {
    server.clock.advance(4);
    await ok({ type, visitId: visit.id, version: (await board()).visits[visit.id]!.version, ...extra });
  };
  /** A FHIR read as a client makes it: the media type, the status, and the JSON. */
  const read = async (path: string, cookie: string | null = nurse) => {
    const res = await fetch(`${server.app.url}/api/fhir/${path}`, { headers: cookie ? { cookie } : {} });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- FHIR JSON read back; the R4 validator checks its shape
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  };
  const valid = (resource: unknown) => expect(fhirProblems(resource)).toEqual({ structure: [], codes: [] });

  beforeAll(async () => {
    server = await startTestServer(backend, { intake: true });
    coordinator = await signIn(server, 'coordinator');
    const start = await board();
    visit = Object.values(start.visits).find((v) => v.status === 'booked' && v.reasonCategory === 'checkup')!;
    // The check-up patient through every form and the consent, then seen and sent home.
    const checkIn = (await ok({ type: 'CheckInPatient', visitId: visit.id })).result as CheckInResult;
    questionnaires = checkIn.intake!.questionnaires;
    for (const q of questionnaires) {
      const answers = Object.fromEntries(q.items.map((item) => [item.id, answerFor(item)]));
      await ok({ type: 'SubmitQuestionnaire', visitId: visit.id, questionnaireId: q.id, answers });
    }
    if (checkIn.intake!.askContactDetails)
      await ok({ type: 'UpdateContactDetails', visitId: visit.id, phone: '555 010 7777' });
    const consent = checkIn.intake!.consent!;
    await ok({
      type: 'SignConsent',
      visitId: visit.id,
      documentId: consent.id,
      signerName: 'Test Patient',
      signature: testSignature,
    });
    server.clock.advance(3);
    await ok({ type: 'CompleteCheckIn', visitId: visit.id });
    await step('CallPatient', { roomId: Object.keys(start.rooms)[0] });
    await step('MarkPatientInRoom');
    await step('StartConsultation');
    await step('CheckOutPatient');
    // Signed in now: the visit took longer than an idle session lasts.
    [nurse, desk, admin] = (await Promise.all(
      ['nurse', 'frontdesk', 'admin'].map((u) => signIn(server, u)),
    )) as [string, string, string];
  }, 120_000);
  afterAll(() => server?.close());

  it('a finished visit is a valid finished Encounter with its history, room and provider', async () => {
    const res = await read(`Encounter/${visit.id}`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/fhir\+json/);
    valid(res.body);
    const seen = (await board()).visits[visit.id]!;
    expect(res.body).toMatchObject({
      resourceType: 'Encounter',
      id: visit.id,
      status: 'finished',
      class: { code: 'AMB' },
      subject: { reference: `Patient/${visit.patientId}` },
      appointment: [{ reference: `Appointment/${visit.appointmentId}` }],
      period: { start: seen.times.arrived, end: seen.times.checked_out },
      participant: [{ individual: { reference: `Practitioner/${visit.providerId}` } }],
      location: [{ location: { reference: `Location/${seen.roomId}` }, status: 'completed' }],
    });
    expect(res.body.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'planned',
      'arrived',
      'in-progress',
    ]);
  });

  it('its appointment is fulfilled, in UTC, with patient, provider and room accepted', async () => {
    const res = await read(`Appointment/${visit.appointmentId}`);
    expect(res.status).toBe(200);
    valid(res.body);
    expect(res.body).toMatchObject({ status: 'fulfilled', start: visit.scheduledAt });
    expect(res.body.start).toMatch(/Z$/);
    expect(res.body.participant.map((p: { actor: { reference: string } }) => p.actor.reference)).toEqual(
      expect.arrayContaining([`Patient/${visit.patientId}`, `Practitioner/${visit.providerId}`]),
    );
  });

  it('the patient, with the language they prefer when it is known', async () => {
    const res = await read(`Patient/${visit.patientId}`);
    expect(res.status).toBe(200);
    valid(res.body);
    expect(res.body).toMatchObject({
      name: [{ family: visit.patient.lastName, given: [visit.patient.firstName] }],
      birthDate: visit.patient.dateOfBirth,
      identifier: [{ system: `urn:clinicflow:clinic:${server.clinic.id}:patient`, value: visit.patientId }],
    });
    // Somebody in the demo day prefers Vietnamese.
    const day = Object.values((await board()).visits);
    const records = await Promise.all(
      day.map((v) => repo.patients.get(server.database.db, server.clinic.id, v.patientId)),
    );
    const vietnamese = records.find((p) => p?.preferredLanguage === 'vi')!;
    const vi = await read(`Patient/${vietnamese.id}`);
    valid(vi.body);
    expect(vi.body.communication).toEqual([
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: 'vi', display: 'Tiếng Việt' }],
          text: 'Tiếng Việt',
        },
        preferred: true,
      },
    ]);
  });

  it('each questionnaire response, with its questionnaire, answers typed by question', async () => {
    const stored = await repo.questionnaires.listResponses(server.database.db, server.clinic.id, visit.id);
    expect(stored).toHaveLength(questionnaires.length);
    for (const row of stored) {
      const response = await read(`QuestionnaireResponse/${row.id}`);
      expect(response.status).toBe(200);
      valid(response.body);
      const questionnaire = await read(`Questionnaire/${row.questionnaireId}`);
      expect(questionnaire.status).toBe(200);
      valid(questionnaire.body);
      expect(response.body.questionnaire).toBe(`${questionnaire.body.url}|${questionnaire.body.version}`);
      expect(response.body).toMatchObject({
        status: 'completed',
        subject: { reference: `Patient/${visit.patientId}` },
        encounter: { reference: `Encounter/${visit.id}` },
      });
      // Every answer has the value[x] its question's type asks for.
      const typeOf = new Map(
        questionnaire.body.item.map((i: { linkId: string; type: string }) => [i.linkId, i.type]),
      );
      const expected: Record<string, string> = {
        boolean: 'valueBoolean',
        choice: 'valueCoding',
        decimal: 'valueDecimal',
        integer: 'valueInteger',
        date: 'valueDate',
        string: 'valueString',
      };
      for (const item of response.body.item)
        for (const answer of item.answer)
          expect(Object.keys(answer)).toEqual([expected[typeOf.get(item.linkId) as string]]);
    }
    const respiratory = questionnaires.find((q) => q.key === 'respiratory')!;
    const definition = await read(`Questionnaire/${respiratory.id}`);
    expect(definition.body.item.find((i: { linkId: string }) => i.linkId === 'travel_where')).toMatchObject({
      enableWhen: [{ question: 'travel', operator: '=', answerBoolean: true }],
      enableBehavior: 'all',
    });
  });

  it('a day of appointments is a valid searchset Bundle with absolute URLs', async () => {
    const res = await read('Appointment?date=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/fhir\+json/);
    valid(res.body);
    const booked = Object.values((await board()).visits).filter((v) => v.appointmentId);
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: booked.length });
    expect(res.body.entry).toHaveLength(booked.length);
    expect(res.body.entry[0].fullUrl).toBe(
      `${server.app.url}/api/fhir/Appointment/${res.body.entry[0].resource.id}`,
    );
    const mine = res.body.entry.find(
      (e: { resource: { id: string } }) => e.resource.id === visit.appointmentId,
    );
    expect(mine.resource.status).toBe('fulfilled');
  });

  it.each([
    ['2027-03-14', 23, '00:30', '23:30', '2027-03-15'],
    ['2027-11-07', 25, '00:30', '23:30', '2027-11-08'],
  ])(
    'on %s (a %i-hour day in New York) the Bundle holds the whole clinic day and nothing of the next',
    async (day, hours, first, last, next) => {
      const { db } = server.database;
      const tz = server.clinic.timezone;
      const someone = visit;
      const book = async (d: string, hhmm: string) => {
        const start = clinicTime(d, hhmm, tz);
        const r = await repo.appointments.insert(db, {
          clinicId: server.clinic.id,
          patientId: someone.patientId,
          providerId: someone.providerId!,
          roomId: null,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 20 * 60_000).toISOString(),
          reason: 'Blood pressure check',
        });
        if (!r.ok) throw new Error(r.conflict);
        return r.id;
      };
      const ids = [await book(day, first), await book(day, last)];
      const tomorrow = await book(next, '00:30');
      const { startsAt, endsAt } = {
        startsAt: clinicTime(day, '0:00', tz),
        endsAt: clinicTime(next, '0:00', tz),
      };
      expect((endsAt.getTime() - startsAt.getTime()) / 3_600_000).toBe(hours);

      const res = await read(`Appointment?date=${day}`);
      expect(res.status).toBe(200);
      valid(res.body);
      expect(res.body.total).toBe(2);
      expect(res.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(ids);
      expect(res.body.entry.map((e: { resource: { start: string } }) => e.resource.start)).toEqual([
        clinicTime(day, first, tz).toISOString(),
        clinicTime(day, last, tz).toISOString(),
      ]);
      const nextDay = await read(`Appointment?date=${next}`);
      expect(nextDay.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([tomorrow]);
    },
  );

  it('answers in FHIR when it cannot: 404, 400, 401 and 403 are OperationOutcomes', async () => {
    const outcome = (code: string) => ({
      resourceType: 'OperationOutcome',
      issue: [expect.objectContaining({ severity: 'error', code })],
    });
    for (const [path, cookie, status, code] of [
      [`Encounter/${uuid()}`, nurse, 404, 'not-found'],
      [`Patient/${uuid()}`, nurse, 404, 'not-found'],
      ['Encounter/not-an-id', nurse, 400, 'invalid'],
      ['Appointment?date=30.11.2026', nurse, 400, 'invalid'],
      ['Appointment', nurse, 400, 'invalid'],
      [`Encounter/${visit.id}`, desk, 403, 'forbidden'],
      ['Appointment?date=2026-11-30', desk, 403, 'forbidden'],
      [`Encounter/${visit.id}`, null, 401, 'login'],
    ] as const) {
      const res = await read(path, cookie);
      expect(res.status, path).toBe(status);
      expect(res.type, path).toMatch(/^application\/fhir\+json/);
      expect(res.body, path).toMatchObject(outcome(code));
      valid(res.body);
    }
    expect((await read('Appointment?date=30.11.2026')).body.issue[0].diagnostics).toMatch(/date=2026-12-01/);
  });

  it('audits every read with who, what and which record', async () => {
    await read(`Patient/${visit.patientId}`, coordinator);
    const rows = (await api(server, 'GET', '/api/audit?limit=500', { cookie: admin })).body as AuditRow[];
    const exported = (action: string) => rows.filter((r) => r.action === action);
    expect(exported('ExportFhirEncounter').map((r) => r.entityId)).toContain(visit.id);
    expect(exported('ExportFhirAppointment').map((r) => r.entityId)).toContain(visit.appointmentId);
    expect(exported('ExportFhirQuestionnaireResponse')).toHaveLength(questionnaires.length);
    expect(exported('ExportFhirAppointmentBundle').length).toBeGreaterThanOrEqual(3);
    const [latest] = exported('ExportFhirPatient');
    expect(latest).toMatchObject({ entityType: 'patient', entityId: visit.patientId });
    expect(latest!.actor).toMatch(/^staff:/);
    // A refused read leaves patient data unread: nothing is recorded for the front desk's attempt.
    const before = rows.length;
    await read(`Encounter/${visit.id}`, desk);
    const after = (await api(server, 'GET', '/api/audit?limit=500', { cookie: admin })).body as AuditRow[];
    expect(after.filter((r) => r.action.startsWith('ExportFhir')).length).toBe(
      rows.filter((r) => r.action.startsWith('ExportFhir')).length,
    );
    expect(after.length).toBeGreaterThanOrEqual(before);
  });
});
