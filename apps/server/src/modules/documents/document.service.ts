import { createHash } from 'node:crypto';
import {
  clinicDayBounds,
  documentVersions,
  nextDay,
  type Actor,
  type DocumentType,
} from '@clinicflow/domain';
import type { DocumentQuery, DocumentRow } from '@clinicflow/contracts';
import { repo } from '@clinicflow/db';
import { PdfPool, type DocumentInput } from '@clinicflow/documents';
import { audit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';

type Listed = Awaited<ReturnType<typeof repo.documents.list>>[number];
const toRow = (d: Listed): DocumentRow => ({
  id: d.id,
  type: d.type,
  patientId: d.patientId,
  patientName: `${d.firstName} ${d.lastName}`,
  visitId: d.visitId,
  version: d.version,
  generatedBy: d.generatedByName,
  generatedAt: d.generatedAt.toISOString(),
  sha256: d.sha256,
});

type Who = { actor: Actor; name: string; origin: string };

/**
 * Generates a visit's documents on the worker pool, files each copy (bytes and all) and audits every generation,
 * listing and download: documents are patient data.
 */
export class DocumentService {
  readonly #ctx: ServiceContext;
  readonly #pool: PdfPool;

  constructor(ctx: ServiceContext, pool = new PdfPool()) {
    this.#ctx = ctx;
    this.#pool = pool;
  }

  async #input(visitId: string, type: DocumentType, who: Who, documentId: string, now: Date) {
    const ctx = this.#ctx;
    const record = await repo.documents.visitRecord(ctx.db, ctx.clinicId, visitId);
    if (!record) return null;
    const clinic = (await repo.clinics.get(ctx.db, ctx.clinicId))!;
    const settings = await repo.documents.settings(ctx.db, ctx.clinicId);
    const { visit: v, patient: p } = record;
    const frame = {
      clinic: { name: clinic.name, timezone: clinic.timezone, ...settings },
      documentId: documentId.toUpperCase(),
      generatedAt: now.toISOString(),
      generatedBy: who.name,
    };
    const patient = { id: p.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth };
    const visit = {
      id: v.id,
      day: v.day,
      ticketCode: v.ticketCode,
      reason: v.reason,
      scheduledAt: v.scheduledAt?.toISOString() ?? null,
      status: v.status,
    };
    const input: DocumentInput =
      type === 'intake_form'
        ? {
            ...frame,
            type,
            patient: { ...patient, ...p },
            visit,
            responses: record.responses.map(({ response, questionnaire: q }) => ({
              questionnaire: { ...q.definition, id: q.id, key: q.key, version: q.version },
              answers: response.answers,
              language: response.language,
              submittedAt: response.submittedAt.toISOString(),
            })),
            consents: record.consents.map(({ consent, document: d }) => ({
              document: { id: d.id, key: d.key, version: d.version, ...d.content },
              language: consent.language,
              signerName: consent.signerName,
              signedAt: consent.signedAt.toISOString(),
              signature: consent.signature,
            })),
          }
        : {
            ...frame,
            type,
            patient,
            visit: { ...visit, room: record.room, provider: record.provider, times: v.times },
          };
    return { input, patientId: p.id };
  }

  /** Draws the document now, files it and returns it; null when the visit does not exist. */
  async generate(input: { visitId: string; type: DocumentType; who: Who }) {
    const ctx = this.#ctx;
    const id = crypto.randomUUID();
    const now = ctx.clock.now();
    const built = await this.#input(input.visitId, input.type, input.who, id, now);
    if (!built) return null;
    const pdf = await this.#pool.render(built.input);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await repo.documents.insert(ctx.db, {
      id,
      clinicId: ctx.clinicId,
      type: input.type,
      patientId: built.patientId,
      visitId: input.visitId,
      version: documentVersions[input.type],
      generatedBy: input.who.actor,
      generatedByName: input.who.name,
      generatedAt: now,
      pdf,
      sha256,
    });
    await audit(ctx, {
      actor: input.who.actor,
      action: 'GenerateDocument',
      entityType: 'document',
      entityId: id,
      origin: input.who.origin,
    });
    return { row: toRow((await this.#find(id))!), pdf };
  }

  #find(id: string) {
    return repo.documents.get(this.#ctx.db, this.#ctx.clinicId, id);
  }

  /** A filed copy, exactly as it was handed out. */
  async download(id: string, who: Who) {
    const found = await this.#find(id);
    if (!found) return null;
    await audit(this.#ctx, {
      actor: who.actor,
      action: 'DownloadDocument',
      entityType: 'document',
      entityId: id,
      origin: who.origin,
    });
    return { row: toRow(found), pdf: found.pdf };
  }

  async forVisit(visitId: string, who: Who): Promise<DocumentRow[]> {
    const rows = await repo.documents.list(this.#ctx.db, this.#ctx.clinicId, { visitId, limit: 200 });
    await audit(this.#ctx, {
      actor: who.actor,
      action: 'ListVisitDocuments',
      entityType: 'visit',
      entityId: visitId,
      origin: who.origin,
    });
    return rows.map(toRow);
  }

  /** Filed documents by patient, clinic-day range and type, newest first. */
  async search(query: DocumentQuery, who: Who): Promise<DocumentRow[]> {
    const { timezone } = (await repo.clinics.get(this.#ctx.db, this.#ctx.clinicId))!;
    const rows = await repo.documents.list(this.#ctx.db, this.#ctx.clinicId, {
      limit: query.limit,
      ...(query.patientId ? { patientId: query.patientId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.from ? { from: new Date(clinicDayBounds(query.from, timezone).startsAt) } : {}),
      ...(query.to ? { to: new Date(clinicDayBounds(nextDay(query.to), timezone).startsAt) } : {}),
    });
    await audit(this.#ctx, {
      actor: who.actor,
      action: 'SearchDocuments',
      entityType: 'document',
      entityId: null,
      origin: who.origin,
    });
    return rows.map(toRow);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
