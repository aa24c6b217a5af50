import { z } from 'zod';
import { documentTypes, type DocumentType } from '@clinicflow/domain';

const day = z.iso.date();

/** POST /api/visits/:id/documents: which document of the visit to generate. */
export const generateDocumentSchema = z.object({ type: z.enum(documentTypes) });

/** GET /api/documents: find filed documents by patient, day range (clinic days) and type. */
export const documentQuerySchema = z
  .object({
    patientId: z.uuid().optional(),
    type: z.enum(documentTypes).optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The end day is before the start day',
  });
export type DocumentQuery = z.infer<typeof documentQuerySchema>;

/** A generated document as lists show it (its bytes are fetched on their own). */
export type DocumentRow = {
  id: string;
  type: DocumentType;
  patientId: string;
  patientName: string;
  visitId: string | null;
  version: number;
  generatedBy: string;
  generatedAt: string;
  sha256: string;
};
