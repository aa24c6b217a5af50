import type { FastifyReply, FastifyRequest } from 'fastify';
import { documentQuerySchema, generateDocumentSchema } from '@clinicflow/contracts';
import type { Caller } from '../../http/access';
import type { Router } from '../../http/route';

const fileName = (row: { type: string; generatedAt: string; id: string }) =>
  `${row.type.replace('_', '-')}-${row.generatedAt.slice(0, 10)}-${row.id.slice(0, 8)}.pdf`;

/** A PDF answer: inline opens it in the browser's viewer (print), `?download=1` saves it. */
function sendPdf(
  req: FastifyRequest,
  reply: FastifyReply,
  file: { row: Parameters<typeof fileName>[0]; pdf: Uint8Array },
) {
  const download = (req.query as Record<string, string>).download === '1';
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${fileName(file.row)}"`)
    .header('cache-control', 'no-store')
    .header('x-document-id', file.row.id)
    .send(Buffer.from(file.pdf));
}

export function registerDocumentRoutes({ route, deps, error, invalid, origin }: Router): void {
  const who = (req: FastifyRequest, caller: Caller) => ({
    actor: caller.actor!,
    name: caller.staff?.staff.displayName ?? 'Clinicflow',
    origin: origin(req),
  });
  const visitId = (req: FastifyRequest) => (req.params as { id: string }).id;

  route('visitDocuments', (req, _reply, caller) => deps.documents.forVisit(visitId(req), who(req, caller)));

  /** Generates, files and returns the document: the reply is the PDF itself. */
  route('generateDocument', async (req, reply, caller) => {
    const parsed = generateDocumentSchema.safeParse(req.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    const made = await deps.documents.generate({
      visitId: visitId(req),
      type: parsed.data.type,
      who: who(req, caller),
    });
    if (!made) return error(reply, 404, { code: 'NOT_FOUND', message: 'There is no such visit.' });
    return sendPdf(req, reply.code(201), made);
  });

  route('documentPdf', async (req, reply, caller) => {
    const found = await deps.documents.download(visitId(req), who(req, caller));
    if (!found) return error(reply, 404, { code: 'NOT_FOUND', message: 'There is no such document.' });
    return sendPdf(req, reply, found);
  });

  route('searchDocuments', async (req, reply, caller) => {
    const parsed = documentQuerySchema.safeParse(req.query);
    if (!parsed.success) return invalid(reply, parsed.error);
    return deps.documents.search(parsed.data, who(req, caller));
  });
}
