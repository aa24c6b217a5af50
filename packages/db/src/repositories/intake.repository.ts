import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type {
  Actor,
  Alert,
  Answers,
  ConsentDocument,
  Language,
  Questionnaire,
  Signature,
} from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

const toQuestionnaire = (row: typeof t.questionnaires.$inferSelect): Questionnaire => ({
  ...row.definition,
  id: row.id,
  key: row.key,
  version: row.version,
});

async function insertQuestionnaire(
  db: Db,
  input: { clinicId: string; position: number; questionnaire: Omit<Questionnaire, 'id'> },
): Promise<Questionnaire> {
  const { key, version, ...definition } = input.questionnaire;
  const [row] = await db
    .insert(t.questionnaires)
    .values({ clinicId: input.clinicId, key, version, position: input.position, definition })
    .returning();
  return toQuestionnaire(row!);
}

/** The clinic's active questionnaires, in the order the kiosk asks them. */
async function listActiveQuestionnaires(db: Db, clinicId: string): Promise<Questionnaire[]> {
  const rows = await db
    .select()
    .from(t.questionnaires)
    .where(and(eq(t.questionnaires.clinicId, clinicId), eq(t.questionnaires.active, true)))
    .orderBy(asc(t.questionnaires.position), asc(t.questionnaires.key));
  return rows.map(toQuestionnaire);
}

async function getQuestionnaire(db: Db, clinicId: string, id: string): Promise<Questionnaire | null> {
  const [row] = await db
    .select()
    .from(t.questionnaires)
    .where(and(eq(t.questionnaires.clinicId, clinicId), eq(t.questionnaires.id, id)));
  return row ? toQuestionnaire(row) : null;
}

/** Ids of the questionnaires already answered for this visit. */
async function answeredQuestionnaires(db: Db, clinicId: string, visitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: t.questionnaireResponses.questionnaireId })
    .from(t.questionnaireResponses)
    .where(
      and(eq(t.questionnaireResponses.clinicId, clinicId), eq(t.questionnaireResponses.visitId, visitId)),
    );
  return rows.map((r) => r.id);
}

/** Stores (or replaces, when the patient goes back and changes them) the answers to one questionnaire. */
async function saveQuestionnaireResponse(
  db: Db,
  input: {
    clinicId: string;
    visitId: string;
    questionnaireId: string;
    answers: Answers;
    urgent: boolean;
    at: Date;
    by: Actor;
    language?: Language;
  },
): Promise<void> {
  const values = {
    language: input.language ?? 'en',
    clinicId: input.clinicId,
    visitId: input.visitId,
    questionnaireId: input.questionnaireId,
    answers: input.answers,
    urgent: input.urgent,
    submittedAt: input.at,
    submittedBy: input.by,
  };
  await db
    .insert(t.questionnaireResponses)
    .values(values)
    .onConflictDoUpdate({
      target: [t.questionnaireResponses.visitId, t.questionnaireResponses.questionnaireId],
      set: {
        answers: values.answers,
        urgent: values.urgent,
        submittedAt: values.submittedAt,
        submittedBy: values.submittedBy,
        language: values.language,
      },
    });
}

async function listQuestionnaireResponses(db: Db, clinicId: string, visitId: string) {
  return db
    .select()
    .from(t.questionnaireResponses)
    .where(
      and(eq(t.questionnaireResponses.clinicId, clinicId), eq(t.questionnaireResponses.visitId, visitId)),
    );
}

const toDocument = (row: typeof t.consentDocuments.$inferSelect): ConsentDocument => ({
  id: row.id,
  key: row.key,
  version: row.version,
  ...row.content,
});

async function insertConsentDocument(
  db: Db,
  input: { clinicId: string; document: Omit<ConsentDocument, 'id'> },
): Promise<ConsentDocument> {
  const { key, version, title, body } = input.document;
  const [row] = await db
    .insert(t.consentDocuments)
    .values({ clinicId: input.clinicId, key, version, content: { title, body } })
    .returning();
  return toDocument(row!);
}

/** The newest active version of each consent document. */
async function listActiveConsentDocuments(db: Db, clinicId: string): Promise<ConsentDocument[]> {
  const rows = await db
    .select()
    .from(t.consentDocuments)
    .where(and(eq(t.consentDocuments.clinicId, clinicId), eq(t.consentDocuments.active, true)))
    .orderBy(asc(t.consentDocuments.key), desc(t.consentDocuments.version));
  const newest = new Map<string, ConsentDocument>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, toDocument(row));
  return [...newest.values()];
}

/** Document ids this patient has signed (any visit). */
async function signedDocuments(db: Db, clinicId: string, patientId: string): Promise<string[]> {
  const rows = await db
    .select({ id: t.consents.documentId })
    .from(t.consents)
    .where(and(eq(t.consents.clinicId, clinicId), eq(t.consents.patientId, patientId)));
  return rows.map((r) => r.id);
}

async function insertConsent(
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
    language?: Language;
  },
): Promise<void> {
  await db.insert(t.consents).values({
    language: input.language ?? 'en',
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
async function updateContactDetails(
  db: Db,
  clinicId: string,
  patientId: string,
  details: ContactDetails,
): Promise<void> {
  const changes = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(changes).length)
    await db
      .update(t.patients)
      .set(changes)
      .where(and(eq(t.patients.clinicId, clinicId), eq(t.patients.id, patientId)));
}

type AlertRow = typeof t.alerts.$inferSelect;

/** Alerts with the ticket and patient name staff need to act on them. */
async function withVisit(db: Db, rows: AlertRow[]): Promise<Alert[]> {
  if (!rows.length) return [];
  const info = await db
    .select({
      id: t.visits.id,
      ticketCode: t.visits.ticketCode,
      firstName: t.patients.firstName,
      lastName: t.patients.lastName,
    })
    .from(t.visits)
    .innerJoin(t.patients, eq(t.patients.id, t.visits.patientId))
    .where(
      inArray(
        t.visits.id,
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

async function insertAlert(
  db: Db,
  input: { clinicId: string; visitId: string; findings: string[]; at: Date },
): Promise<Alert> {
  const [row] = await db
    .insert(t.alerts)
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

async function acknowledgeAlert(
  db: Db,
  input: { clinicId: string; alertId: string; by: string; at: Date },
): Promise<Alert | null> {
  const [row] = await db
    .update(t.alerts)
    .set({ acknowledgedAt: input.at, acknowledgedBy: input.by })
    .where(and(eq(t.alerts.clinicId, input.clinicId), eq(t.alerts.id, input.alertId)))
    .returning();
  return row ? (await withVisit(db, [row]))[0]! : null;
}

async function getAlert(db: Db, clinicId: string, id: string): Promise<Alert | null> {
  const [row] = await db
    .select()
    .from(t.alerts)
    .where(and(eq(t.alerts.clinicId, clinicId), eq(t.alerts.id, id)));
  return row ? (await withVisit(db, [row]))[0]! : null;
}

/** The alerts raised for a clinic-day's visits. */
async function listAlertsForDay(db: Db, clinicId: string, day: string): Promise<Alert[]> {
  const rows = await db
    .select({ alert: t.alerts })
    .from(t.alerts)
    .innerJoin(t.visits, eq(t.visits.id, t.alerts.visitId))
    .where(and(eq(t.alerts.clinicId, clinicId), eq(t.visits.day, day)))
    .orderBy(asc(t.alerts.raisedAt));
  return withVisit(
    db,
    rows.map((r) => r.alert),
  );
}

export const questionnaires = {
  insert: insertQuestionnaire,
  listActive: listActiveQuestionnaires,
  get: getQuestionnaire,
  answered: answeredQuestionnaires,
  saveResponse: saveQuestionnaireResponse,
  listResponses: listQuestionnaireResponses,
};

export const consents = {
  insertDocument: insertConsentDocument,
  listActiveDocuments: listActiveConsentDocuments,
  signedDocuments,
  insert: insertConsent,
};

export const alerts = {
  insert: insertAlert,
  acknowledge: acknowledgeAlert,
  get: getAlert,
  listForDay: listAlertsForDay,
};

export const contactDetails = {
  update: updateContactDetails,
};
