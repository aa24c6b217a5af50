import {
  clinicDayBounds,
  fhirAppointment,
  fhirEncounter,
  fhirPatient,
  fhirQuestionnaire,
  fhirQuestionnaireResponse,
  fhirSearchset,
  type FhirAppointment,
  type FhirBundle,
  type FhirEncounter,
  type FhirPatient,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
} from '@clinicflow/domain';
import { repo, type AppointmentForExport } from '@clinicflow/db';
import type { ServiceContext } from '../../platform/context';

const toAppointment = (row: AppointmentForExport): FhirAppointment => fhirAppointment(row);

/** Reads the clinic's records and maps them to FHIR R4 with the domain's pure mappings; null when not found. */
export class FhirService {
  readonly #ctx: ServiceContext;
  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  async encounter(id: string): Promise<FhirEncounter | null> {
    const { db, clinicId } = this.#ctx;
    const visit = await repo.visits.get(db, clinicId, id);
    if (!visit) return null;
    const provider = visit.providerId
      ? ((await repo.providers.list(db, clinicId)).find((p) => p.id === visit.providerId) ?? null)
      : null;
    const room = visit.roomId ? await repo.rooms.get(db, clinicId, visit.roomId) : null;
    return fhirEncounter({ visit, provider, room });
  }

  async appointment(id: string): Promise<FhirAppointment | null> {
    const row = await repo.fhir.appointment(this.#ctx.db, this.#ctx.clinicId, id);
    return row ? toAppointment(row) : null;
  }

  /** One clinic day, midnight to midnight in the clinic's zone (23 or 25 hours when the clocks change). */
  async appointmentsOn(input: {
    day: string;
    baseUrl: string;
    self: string;
  }): Promise<FhirBundle<FhirAppointment>> {
    const { db, clinicId, clock } = this.#ctx;
    const clinic = (await repo.clinics.get(db, clinicId))!;
    const { startsAt, endsAt } = clinicDayBounds(input.day, clinic.timezone);
    const rows = await repo.fhir.appointmentsStarting(db, { clinicId, from: startsAt, to: endsAt });
    return fhirSearchset({
      baseUrl: input.baseUrl,
      self: input.self,
      resources: rows.map(toAppointment),
      now: clock.now(),
    });
  }

  async patient(id: string): Promise<FhirPatient | null> {
    const row = await repo.patients.get(this.#ctx.db, this.#ctx.clinicId, id);
    return row ? fhirPatient(row) : null;
  }

  async questionnaireResponse(id: string): Promise<FhirQuestionnaireResponse | null> {
    const { db, clinicId } = this.#ctx;
    const row = await repo.fhir.questionnaireResponse(db, clinicId, id);
    const questionnaire = row && (await repo.questionnaires.get(db, clinicId, row.questionnaireId));
    if (!row || !questionnaire) return null;
    return fhirQuestionnaireResponse({
      id: row.id,
      clinicId,
      questionnaire,
      answers: row.answers,
      patientId: row.patientId,
      visitId: row.visitId,
      authored: row.submittedAt.toISOString(),
    });
  }

  async questionnaire(id: string): Promise<FhirQuestionnaire | null> {
    const questionnaire = await repo.questionnaires.get(this.#ctx.db, this.#ctx.clinicId, id);
    return questionnaire ? fhirQuestionnaire({ clinicId: this.#ctx.clinicId, questionnaire }) : null;
  }
}
