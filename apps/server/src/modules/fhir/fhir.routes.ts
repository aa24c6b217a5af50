import type { FastifyReply, FastifyRequest } from 'fastify';
import { operationOutcome, type IssueType } from '@clinicflow/domain';
import {
  fhirAppointmentSearchSchema,
  fhirContentType,
  fhirReadParamsSchema,
  type RouteName,
} from '@clinicflow/contracts';
import { audit } from '../../platform/audit';
import type { ErrorReply, Router } from '../../http/route';
import { FhirService } from './fhir.service';

const issueOf: Record<number, IssueType> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
};

const send = (reply: FastifyReply, status: number, body: object) =>
  reply.code(status).type(fhirContentType).send(body);

/** The router's own refusals (bad id, not signed in, not allowed), as FHIR clients expect them. */
const refuse: ErrorReply = (reply, status, body) =>
  send(reply, status, operationOutcome(issueOf[status] ?? 'exception', body.message));

/** Which resource each read route returns, and how it is audited. */
const reads = {
  fhirEncounter: {
    type: 'Encounter',
    entityType: 'visit',
    get: (s: FhirService, id: string) => s.encounter(id),
  },
  fhirAppointment: {
    type: 'Appointment',
    entityType: 'appointment',
    get: (s: FhirService, id: string) => s.appointment(id),
  },
  fhirPatient: { type: 'Patient', entityType: 'patient', get: (s: FhirService, id: string) => s.patient(id) },
  fhirQuestionnaireResponse: {
    type: 'QuestionnaireResponse',
    entityType: 'questionnaire_response',
    get: (s: FhirService, id: string) => s.questionnaireResponse(id),
  },
  fhirQuestionnaire: {
    type: 'Questionnaire',
    entityType: 'questionnaire',
    get: (s: FhirService, id: string) => s.questionnaire(id),
  },
} as const satisfies Partial<Record<RouteName, unknown>>;

/** Where this server's FHIR resources live, for a Bundle's absolute URLs. */
const baseUrlOf = (req: FastifyRequest, publicOrigin: string | undefined) =>
  `${publicOrigin ?? `${req.protocol}://${req.host}`}/api/fhir`;

/** FHIR R4 read-only export: staff who may (the `fhirExport` row), every read audited. */
export function registerFhirRoutes({ route, ctx, deps, origin }: Router): void {
  const service = new FhirService(ctx);

  for (const [name, read] of Object.entries(reads)) {
    route(
      name as keyof typeof reads,
      async (req, reply, caller) => {
        const params = fhirReadParamsSchema.safeParse(req.params);
        if (!params.success) return refuse(reply, 400, { code: 'VALIDATION', message: 'Not a valid id' });
        const resource = await read.get(service, params.data.id);
        if (!resource)
          return refuse(reply, 404, { code: 'NOT_FOUND', message: `No ${read.type} ${params.data.id}` });
        await audit(ctx, {
          actor: caller.actor!,
          action: `ExportFhir${read.type}`,
          entityType: read.entityType,
          entityId: params.data.id,
          origin: origin(req),
        });
        return send(reply, 200, resource);
      },
      { refuse },
    );
  }

  route(
    'fhirAppointmentSearch',
    async (req, reply, caller) => {
      const query = fhirAppointmentSearchSchema.safeParse(req.query);
      if (!query.success)
        return refuse(reply, 400, {
          code: 'VALIDATION',
          message: query.error.issues.map((i) => i.message).join('; '),
        });
      const baseUrl = baseUrlOf(req, deps.publicOrigin);
      const bundle = await service.appointmentsOn({
        day: query.data.date,
        baseUrl,
        self: `${baseUrl}/Appointment?date=${query.data.date}`,
      });
      await audit(ctx, {
        actor: caller.actor!,
        action: 'ExportFhirAppointmentBundle',
        entityType: 'schedule',
        entityId: null,
        origin: origin(req),
      });
      return send(reply, 200, bundle);
    },
    { refuse },
  );
}
