import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor, Alert, Answers, ConsentDocument, Questionnaire, Signature } from '@clinicflow/domain';
import type { Db } from '../client';
import {
  alerts,
  consentDocuments,
  consents,
  patients,
  questionnaireResponses,
  questionnaires,
  visits,
} from '../schema';

const toQuestionnaire = (row: typeof questionnaires.$inferSelect): Questionnaire => ({
  ...row.definition,
  id: row.id,
  key: row.key,
  version: row.version,
});

export async function insertQuestionnaire(
  db: Db,
  input: { clinicId: string; position: number; questionnaire: Omit<Questionnaire, 'id'> },
): Promise<Questionnaire> {
  const { key, version, ...definition } = input.questionnaire;
  const [row] = await db
    .insert(questionnaires)
    .values({ clinicId: input.clinicId, key, version, position: input.position, definition })
    .returning();
  return toQuestionnaire(row!);
}

/** The clinic's active questionnaires, in the order the kiosk asks them. */
export async function listActiveQuestionnaires(db: Db, clinicId: string): Promise<Questionnaire[]> {
  const rows = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.clinicId, clinicId), eq(questionnaires.active, true)))
    .orderBy(asc(questionnaires.position), asc(questionnaires.key));
  return rows.map(toQuestionnaire);
}

export async function getQuestionnaire(db: Db, clinicId: string, id: string): Promise<Questionnaire | null> {
  const [row] = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.clinicId, clinicId), eq(questionnaires.id, id)));
  return row ? toQuestionnaire(row) : null;
}

/** Ids of the questionnaires already answered for this visit. */
export async function answeredQuestionnaires(db: Db, visitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: questionnaireResponses.questionnaireId })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.visitId, visitId));
  return rows.map((r) => r.id);
}

/** Stores (or replaces, when the patient goes back and changes them) the answers to one questionnaire. */
export async function saveQuestionnaireResponse(
  db: Db,
  input: {
    clinicId: string;
    visitId: string;
    questionnaireId: string;
    answers: Answers;
    urgent: boolean;
    at: Date;
    by: Actor;
  },
): Promise<void> {
  const values = {
    clinicId: input.clinicId,
    visitId: input.visitId,
    questionnaireId: input.questionnaireId,
    answers: input.answers,
    urgent: input.urgent,
    submittedAt: input.at,
    submittedBy: input.by,
  };
  await db
    .insert(questionnaireResponses)
    .values(values)
    .onConflictDoUpdate({
      target: [questionnaireResponses.visitId, questionnaireResponses.questionnaireId],
      set: {
        answers: values.answers,
        urgent: values.urgent,
        submittedAt: values.submittedAt,
        submittedBy: values.submittedBy,
      },
    });
}

export async function listQuestionnaireResponses(db: Db, visitId: string) {
  return db.select().from(questionnaireResponses).where(eq(questionnaireResponses.visitId, visitId));
}

const toDocument = (row: typeof consentDocuments.$inferSelect): ConsentDocument => ({
  id: row.id,
  key: row.key,
  version: row.version,
  ...row.content,
});

export async function insertConsentDocument(
  db: Db,
  input: { clinicId: string; document: Omit<ConsentDocument, 'id'> },
): Promise<ConsentDocument> {
  const { key, version, title, body } = input.document;
  const [row] = await db
    .insert(consentDocuments)
    .values({ clinicId: input.clinicId, key, version, content: { title, body } })
    .returning();
  return toDocument(row!);
}

/** The newest active version of each consent document. */
export async function listActiveConsentDocuments(db: Db, clinicId: string): Promise<ConsentDocument[]> {
  const rows = await db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.clinicId, clinicId), eq(consentDocuments.active, true)))
    .orderBy(asc(consentDocuments.key), desc(consentDocuments.version));
  const newest = new Map<string, ConsentDocument>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, toDocument(row));
  return [...newest.values()];
}

/** Document ids this patient has signed (any visit). */
export async function signedDocuments(db: Db, patientId: string): Promise<string[]> {
  const rows = await db
    .select({ id: consents.documentId })
    .from(consents)
    .where(eq(consents.patientId, patientId));
  return rows.map((r) => r.id);
}

export async function insertConsent(
  db: Db,
  input: {
    clinicId: string;
    patientId: string;
    visitId: string | null;
    documentId: string;
    signerName: string;
    signature: Signature;
    at: Date;
    by: Actor;
  },
): Promise<void> {
  await db.insert(consents).values({
    clinicId: input.clinicId,
    patientId: input.patientId,
    visitId: input.visitId,
    documentId: input.documentId,
    signerName: input.signerName,
    signature: input.signature,
    signedAt: input.at,
    signedBy: input.by,
  });
}

export type ContactDetails = {
  phone?: string | undefined;
  address?: string | undefined;
  emergencyContactName?: string | undefined;
  emergencyContactPhone?: string | undefined;
  insuranceProvider?: string | undefined;
  insuranceMemberId?: string | undefined;
};

/** Writes only the details given; what the patient left blank stays as it was. */
export async function updateContactDetails(
  db: Db,
  patientId: string,
  details: ContactDetails,
): Promise<void> {
  const changes = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(changes).length) await db.update(patients).set(changes).where(eq(patients.id, patientId));
}

type AlertRow = typeof alerts.$inferSelect;

/** Alerts with the ticket and patient name staff need to act on them. */
async function withVisit(db: Db, rows: AlertRow[]): Promise<Alert[]> {
  if (!rows.length) return [];
  const info = await db
    .select({
      id: visits.id,
      ticketCode: visits.ticketCode,
      firstName: patients.firstName,
      lastName: patients.lastName,
    })
    .from(visits)
    .innerJoin(patients, eq(patients.id, visits.patientId))
    .where(
      inArray(
        visits.id,
        rows.map((r) => r.visitId),
      ),
    );
  const byId = new Map(info.map((i) => [i.id, i]));
  return rows.map((r) => {
    const v = byId.get(r.visitId);
    return {
      id: r.id,
      visitId: r.visitId,
      kind: 'urgent_screening',
      ticketCode: v?.ticketCode ?? null,
      patientName: v ? `${v.firstName} ${v.lastName}` : '',
      findings: r.findings,
      raisedAt: r.raisedAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: r.acknowledgedBy,
    };
  });
}

export async function insertAlert(
  db: Db,
  input: { clinicId: string; visitId: string; findings: string[]; at: Date },
): Promise<Alert> {
  const [row] = await db
    .insert(alerts)
    .values({
      clinicId: input.clinicId,
      visitId: input.visitId,
      kind: 'urgent_screening',
      findings: input.findings,
      raisedAt: input.at,
    })
    .returning();
  return (await withVisit(db, [row!]))[0]!;
}

export async function acknowledgeAlert(
  db: Db,
  input: { clinicId: string; alertId: string; by: string; at: Date },
): Promise<Alert | null> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: input.at, acknowledgedBy: input.by })
    .where(and(eq(alerts.clinicId, input.clinicId), eq(alerts.id, input.alertId)))
    .returning();
  return row ? (await withVisit(db, [row]))[0]! : null;
}

export async function getAlert(db: Db, clinicId: string, id: string): Promise<Alert | null> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.clinicId, clinicId), eq(alerts.id, id)));
  return row ? (await withVisit(db, [row]))[0]! : null;
}

/** The alerts raised for a clinic-day's visits. */
export async function listAlertsForDay(db: Db, clinicId: string, day: string): Promise<Alert[]> {
  const rows = await db
    .select({ alert: alerts })
    .from(alerts)
    .innerJoin(visits, eq(visits.id, alerts.visitId))
    .where(and(eq(alerts.clinicId, clinicId), eq(visits.day, day)))
    .orderBy(asc(alerts.raisedAt));
  return withVisit(
    db,
    rows.map((r) => r.alert),
  );
}
