import { ok, refuse, type Result } from '../shared/result';
import type { Visit } from '../visits/visit';
import type { ConsentDocument } from './consent';
import type { Questionnaire } from './questionnaire';

/** Questions, consent and contact details are taken only while the patient has arrived and is not yet queued. */
export function intakeOpen(visit: Visit | null): Result<Visit> {
  if (!visit) return refuse('NOT_FOUND', 'We could not find this visit.');
  if (visit.status !== 'arrived') return refuse('ILLEGAL_TRANSITION', 'This check-in is already finished.');
  return ok(visit);
}

/**
 * Whether the patient may join the queue: every questionnaire with a required question answered and the consent
 * signed. Optional questionnaires left unanswered do not hold anyone back.
 */
export function mayCompleteCheckIn(
  due: { questionnaires: readonly Questionnaire[]; consent: ConsentDocument | null } | null,
): Result<void> {
  const blocking = due?.questionnaires.filter((q) => q.items.some((i) => i.required)) ?? [];
  if (blocking.length || due?.consent) {
    return refuse('ILLEGAL_TRANSITION', 'Please finish the questions and the consent first.');
  }
  return ok(undefined);
}

/** The survey a visit may still answer: after check-out, once, an active survey. Null when there is none. */
export function surveyDue(input: {
  visit: Visit;
  questionnaires: readonly Questionnaire[];
  answered: readonly string[];
}): Questionnaire | null {
  if (input.visit.status !== 'checked_out') return null;
  return input.questionnaires.find((q) => q.purpose === 'survey' && !input.answered.includes(q.id)) ?? null;
}

/** Why this survey cannot be answered for this visit now, or ok. */
export function mayAnswerSurvey(input: {
  visit: Visit | null;
  survey: Questionnaire | null;
  answered: readonly string[];
}): Result<{ visit: Visit; survey: Questionnaire }> {
  const { visit, survey } = input;
  if (!visit) return refuse('NOT_FOUND', 'We could not find this visit.');
  if (visit.status !== 'checked_out')
    return refuse('ILLEGAL_TRANSITION', 'The survey opens after your visit.');
  if (!survey || survey.purpose !== 'survey') return refuse('NOT_FOUND', 'This survey no longer exists.');
  if (input.answered.includes(survey.id)) {
    return refuse('ILLEGAL_TRANSITION', 'Thank you, we already have your answers.');
  }
  return ok({ visit, survey });
}
