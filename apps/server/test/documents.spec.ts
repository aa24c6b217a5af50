import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@clinicflow/db/testing';
import type { Questionnaire } from '@clinicflow/domain';
import type { CheckInResult, DocumentRow } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { pdfText } from '@clinicflow/documents/testing';
import { api, signIn, testSignature, type TestServer } from './harness';
import { startKioskIntake, uuid } from './intake.fixtures';

/** Generates over HTTP as the console does; the answer is the PDF itself. */
async function generate(server: TestServer, cookie: string, visitId: string, type: string) {
  const res = await fetch(`${server.app.url}/api/visits/${visitId}/documents`, {
    method: 'POST',
    headers: { cookie, origin: server.app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ type }),
  });
  return { res, pdf: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(testBackends)('a visit’s documents: generated, filed, audited, found again (%s)', (backend) => {
  let server: TestServer;
  let nurse: string;
  let frontDesk: string;
  let visitId: string;
  let patientId: string;

  beforeAll(async () => {
    const intake = await startKioskIntake(backend);
    server = intake.server;
    nurse = await signIn(server, 'nurse');
    frontDesk = await signIn(server, 'frontdesk');
    // A check-up patient answers in Vietnamese and signs the consent read in Vietnamese.
    const visit = await intake.booked('checkup');
    visitId = visit.id;
    patientId = visit.patientId;
    await intake.lookUp(visit);
    const checkIn = (await intake.send({ type: 'CheckInPatient', visitId })) as {
      ok: true;
      result: CheckInResult;
    };
    const [, history] = checkIn.result.intake!.questionnaires as [Questionnaire, Questionnaire];
    expect(
      await intake.send({
        type: 'SubmitQuestionnaire',
        visitId,
        questionnaireId: history.id,
        language: 'vi',
        answers: {
          allergies: true,
          allergies_which: 'Penicillin',
          conditions: ['asthma'],
          smoking: 'never',
          pain: 4,
        },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await intake.send({
        type: 'SignConsent',
        visitId,
        documentId: checkIn.result.intake!.consent!.id,
        language: 'vi',
        signerName: 'Nguyễn Thị Hằng',
        signature: testSignature,
      }),
    ).toMatchObject({ ok: true });
  });
  afterAll(() => server?.close());

  it('draws the filled intake form in the patient’s language beside the clinic’s', async () => {
    const { res, pdf } = await generate(server, nurse, visitId, 'intake_form');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(pdf);
    expect(text).toContain('Tiền sử sức khỏe của bạn');
    expect(text).toContain('Bạn có dị ứng với thuốc nào không?');
    expect(text).toContain('Do you have any allergies to medicines?');
    expect(text).toContain('Hen suyễn');
    expect(text).toContain('4 / 10');
    expect(text).toContain('Đồng ý điều trị và thông báo quyền riêng tư');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('treatment_and_privacy v3');
    expect(text).toContain(`Document ${res.headers.get('x-document-id')!.toUpperCase()}`);
  });

  it('files every copy with its exact bytes, lists them for the visit, and audits each step', async () => {
    server.clock.advance(5);
    const { res, pdf } = await generate(server, frontDesk, visitId, 'visit_summary');
    expect(res.status).toBe(201);
    expect(await pdfText(pdf)).toContain('Visit summary');
    const id = res.headers.get('x-document-id')!;

    const listed = await api(server, 'GET', `/api/visits/${visitId}/documents`, { cookie: nurse });
    const rows = listed.body as DocumentRow[];
    expect(rows.map((r) => r.type)).toEqual(['visit_summary', 'intake_form']);
    expect(rows[0]).toMatchObject({ id, patientId, version: 1, visitId });

    const again = await fetch(`${server.app.url}/api/documents/${id}/pdf?download=1`, {
      headers: { cookie: nurse },
    });
    expect(again.headers.get('content-disposition')).toMatch(/^attachment; filename="visit-summary-/);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const audited = await repo.auditLog.list(server.database.db, server.clinic.id, { limit: 50 });
    const actions = audited.map((a) => `${a.action}:${a.entityId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `GenerateDocument:${id}`,
        `DownloadDocument:${id}`,
        `ListVisitDocuments:${visitId}`,
      ]),
    );
  });

  it('finds filed documents by patient, day and type, and says what is wrong with a bad search', async () => {
    const search = (q: string) => api(server, 'GET', `/api/documents?${q}`, { cookie: frontDesk });
    const byPatient = (await search(`patientId=${patientId}`)).body as DocumentRow[];
    expect(byPatient).toHaveLength(2);
    expect(byPatient[0]!.patientName).toMatch(/\S+ \S+/);
    const intakeOnly = (await search(`patientId=${patientId}&type=intake_form`)).body as DocumentRow[];
    expect(intakeOnly.map((r) => r.type)).toEqual(['intake_form']);
    // The test clock stands on 2026-11-30 in the clinic.
    expect(((await search('from=2026-11-30&to=2026-11-30')).body as DocumentRow[]).length).toBe(2);
    expect(((await search('from=2026-12-01')).body as DocumentRow[]).length).toBe(0);
    expect(((await search(`patientId=${uuid()}`)).body as DocumentRow[]).length).toBe(0);
    const backwards = await search('from=2026-12-02&to=2026-12-01');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('The end day is before the start day');
    const unknownType = await search('type=letter');
    expect(unknownType.status).toBe(400);
    expect(JSON.stringify(unknownType.body)).toContain('intake_form');
  });

  it('answers an unknown visit or document with a 404 and files nothing', async () => {
    const before = await repo.documents.list(server.database.db, server.clinic.id, { limit: 200 });
    expect((await generate(server, nurse, uuid(), 'intake_form')).res.status).toBe(404);
    expect((await api(server, 'GET', `/api/documents/${uuid()}/pdf`, { cookie: nurse })).status).toBe(404);
    expect(
      (await api(server, 'POST', `/api/visits/${visitId}/documents`, { cookie: nurse, body: { type: 'x' } }))
        .status,
    ).toBe(400);
    expect(await repo.documents.list(server.database.db, server.clinic.id, { limit: 200 })).toHaveLength(
      before.length,
    );
  });
});
