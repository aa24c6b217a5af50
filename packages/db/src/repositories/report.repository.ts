import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Questionnaire, ReportVisit, SurveyResponse } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';

type Period = { clinicId: string; from: string; to: string };

/** The visits of a period's clinic days, as the statistics read them: status history, no patient. */
async function visitsIn(db: Db, p: Period): Promise<ReportVisit[]> {
  const rows = await db
    .select({
      id: t.visits.id,
      day: t.visits.day,
      appointmentId: t.visits.appointmentId,
      providerId: t.visits.providerId,
      roomId: t.visits.roomId,
      status: t.visits.status,
      scheduledAt: t.visits.scheduledAt,
      times: t.visits.times,
    })
    .from(t.visits)
    .where(and(eq(t.visits.clinicId, p.clinicId), between(t.visits.day, p.from, p.to)))
    .orderBy(asc(t.visits.day), asc(t.visits.id));
  return rows.map((r) => ({ ...r, scheduledAt: r.scheduledAt?.toISOString() ?? null }));
}

/** The satisfaction surveys answered for the visits of a period's clinic days, with their questionnaires. */
async function surveysIn(db: Db, p: Period): Promise<SurveyResponse[]> {
  const rows = await db
    .select({
      visitId: t.questionnaireResponses.visitId,
      answers: t.questionnaireResponses.answers,
      id: t.questionnaires.id,
      key: t.questionnaires.key,
      version: t.questionnaires.version,
      definition: t.questionnaires.definition,
    })
    .from(t.questionnaireResponses)
    .innerJoin(t.visits, eq(t.visits.id, t.questionnaireResponses.visitId))
    .innerJoin(t.questionnaires, eq(t.questionnaires.id, t.questionnaireResponses.questionnaireId))
    .where(
      and(
        eq(t.questionnaireResponses.clinicId, p.clinicId),
        between(t.visits.day, p.from, p.to),
        sql`${t.questionnaires.definition}->>'purpose' = 'survey'`,
      ),
    )
    .orderBy(asc(t.questionnaireResponses.submittedAt), asc(t.questionnaireResponses.id));
  return rows.map((r) => ({
    visitId: r.visitId,
    answers: r.answers,
    questionnaire: { ...r.definition, id: r.id, key: r.key, version: r.version } satisfies Questionnaire,
  }));
}

export const reports = { visits: visitsIn, surveys: surveysIn };
