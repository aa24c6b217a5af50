import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import type { DocumentType, Language, PaperSize } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

export type NewDocument = Omit<typeof t.documents.$inferInsert, 'pdf'> & { pdf: Uint8Array };
export type DocumentFilter = {
  patientId?: string;
  type?: DocumentType;
  visitId?: string;
  from?: Date;
  to?: Date;
  limit: number;
};

const listed = {
  id: t.documents.id,
  type: t.documents.type,
  patientId: t.documents.patientId,
  visitId: t.documents.visitId,
  version: t.documents.version,
  generatedByName: t.documents.generatedByName,
  generatedAt: t.documents.generatedAt,
  sha256: t.documents.sha256,
  firstName: t.patients.firstName,
  lastName: t.patients.lastName,
};

async function insertDocument(db: Db, input: NewDocument): Promise<void> {
  await db.insert(t.documents).values(input);
}

/** The documents generated so far, newest first, without their bytes. */
async function listDocuments(db: Db, clinicId: string, filter: DocumentFilter) {
  const d = t.documents;
  return db
    .select(listed)
    .from(d)
    .innerJoin(t.patients, eq(t.patients.id, d.patientId))
    .where(
      and(
        eq(d.clinicId, clinicId),
        filter.patientId ? eq(d.patientId, filter.patientId) : undefined,
        filter.visitId ? eq(d.visitId, filter.visitId) : undefined,
        filter.type ? eq(d.type, filter.type) : undefined,
        filter.from ? gte(d.generatedAt, filter.from) : undefined,
        filter.to ? lt(d.generatedAt, filter.to) : undefined,
      ),
    )
    .orderBy(desc(d.generatedAt), asc(d.id))
    .limit(filter.limit);
}

async function getDocument(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select({ ...listed, pdf: t.documents.pdf })
    .from(t.documents)
    .innerJoin(t.patients, eq(t.patients.id, t.documents.patientId))
    .where(and(eq(t.documents.clinicId, clinicId), eq(t.documents.id, id)));
  return row ? { ...row, pdf: new Uint8Array(row.pdf) } : null;
}

/** How the clinic prints: its staff's language and its paper. */
async function documentSettings(
  db: Db,
  clinicId: string,
): Promise<{ language: Language; paperSize: PaperSize }> {
  const [row] = await db
    .select({ language: t.clinics.language, paperSize: t.clinics.paperSize })
    .from(t.clinics)
    .where(eq(t.clinics.id, clinicId));
  return row!;
}

/** Everything a visit's documents are drawn from, read in one place. */
async function visitRecord(db: Db, clinicId: string, visitId: string) {
  const [row] = await db
    .select({ visit: t.visits, patient: t.patients, room: t.rooms.name, provider: t.providers.name })
    .from(t.visits)
    .innerJoin(t.patients, eq(t.patients.id, t.visits.patientId))
    .leftJoin(t.rooms, eq(t.rooms.id, t.visits.roomId))
    .leftJoin(t.providers, eq(t.providers.id, t.visits.providerId))
    .where(and(eq(t.visits.clinicId, clinicId), eq(t.visits.id, visitId)));
  if (!row) return null;
  const responses = await db
    .select({ response: t.questionnaireResponses, questionnaire: t.questionnaires })
    .from(t.questionnaireResponses)
    .innerJoin(t.questionnaires, eq(t.questionnaires.id, t.questionnaireResponses.questionnaireId))
    .where(eq(t.questionnaireResponses.visitId, visitId))
    .orderBy(asc(t.questionnaires.position), asc(t.questionnaires.key));
  const consents = await db
    .select({ consent: t.consents, document: t.consentDocuments })
    .from(t.consents)
    .innerJoin(t.consentDocuments, eq(t.consentDocuments.id, t.consents.documentId))
    .where(eq(t.consents.visitId, visitId))
    .orderBy(asc(t.consents.signedAt));
  return { ...row, responses, consents };
}

export const documents = {
  insert: insertDocument,
  list: listDocuments,
  get: getDocument,
  settings: documentSettings,
  visitRecord,
};
