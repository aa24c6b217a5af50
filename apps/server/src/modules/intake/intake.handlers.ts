import {
  clinicDay,
  intakeOpen,
  mayAcknowledge,
  mayAnswerSurvey,
  mayCompleteCheckIn,
  surveyDue,
  type AnswerError,
  questionnairesDue,
  reasonCategories,
  refuse,
  signatureProblem,
  transitionVisit,
  urgentFindings,
  validateAnswers,
  type DomainEvent,
  type Questionnaire,
  type ReasonCategory,
  type Visit,
} from '@clinicflow/domain';
import type { CommandFailure, Intake } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';
import { estimatedWait } from '../visits/estimated-wait';
import { arriveAndMaybeQueue, issueTicket } from '../visits/visit.handlers';

/** What is still to ask this patient before they join the queue; null when nothing is. */
export async function intakeFor(tx: Db, clinicId: string, visit: Visit): Promise<Intake | null> {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const questionnaires = questionnairesDue({
    questionnaires: await repo.questionnaires.listActive(tx, clinicId),
    reasonCategory: visit.reasonCategory,
    answered: await repo.questionnaires.answered(tx, clinicId, visit.id),
  });
  const signed = await repo.consents.signedDocuments(tx, clinicId, visit.patientId);
  const consent =
    (await repo.consents.listActiveDocuments(tx, clinicId)).find((d) => !signed.includes(d.id)) ?? null;
  if (!questionnaires.length && !consent && !clinic.askContactDetails) return null;
  return { questionnaires, consent, askContactDetails: clinic.askContactDetails };
}

/** The intake visit a kiosk or the desk works on: it must exist and not yet be in the queue. */
async function arrivedVisit(tx: Db, clinicId: string, visitId: string) {
  return intakeOpen(await repo.visits.get(tx, clinicId, visitId));
}

/** Answers that failed the questionnaire's rules, field by field (codes the kiosk translates). */
const answerIssues = (errors: AnswerError[]): CommandFailure => ({
  ok: false,
  code: 'VALIDATION',
  message: 'Some answers need another look.',
  issues: errors.map((e) => ({ path: `answers.${e.question}`, message: e.code, code: e.code })),
});

/** A walk-in: the patient (known or new) gets a visit for today, arrives at once, and takes a W- ticket. */
export const registerWalkIn: Handler<'RegisterWalkIn'> = async (input) => {
  const { tx, command, clinicId, now } = input;
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const identity = {
    clinicId,
    firstName: command.firstName,
    lastName: command.lastName,
    dateOfBirth: command.dateOfBirth,
  };
  const patient =
    (await repo.patients.findByIdentity(tx, identity)) ??
    (await repo.patients.insert(tx, { ...identity, phone: command.phone }));
  const visit = await repo.visits.insert(tx, {
    clinicId,
    day: clinicDay(now, clinic.timezone),
    appointmentId: null,
    patientId: patient.id,
    providerId: null,
    scheduledAt: null,
    reason: reasonCategories[command.reasonCategory as ReasonCategory].en,
    reasonCategory: command.reasonCategory,
    status: 'arrived',
    now,
  });
  const ticketed = await issueTicket(tx, visit, 'W');
  // Registering is also a lookup: the kiosk may carry on with this visit's intake.
  return arriveAndMaybeQueue(input, ticketed, visit.version, {
    type: 'WalkInRegistered',
    payload: { visit: ticketed },
  });
};

export const submitQuestionnaire: Handler<'SubmitQuestionnaire'> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const open = await arrivedVisit(tx, clinicId, command.visitId);
  if (!open.ok) return open;
  const visit = open.value;
  const questionnaire = await repo.questionnaires.get(tx, clinicId, command.questionnaireId);
  if (!questionnaire) return refuse('NOT_FOUND', 'This questionnaire no longer exists.');
  const checked = validateAnswers(questionnaire, command.answers);
  if (!checked.ok) return answerIssues(checked.errors);
  const findings = urgentFindings(questionnaire, checked.answers);
  await repo.questionnaires.saveResponse(tx, {
    clinicId,
    visitId: visit.id,
    questionnaireId: questionnaire.id,
    answers: checked.answers,
    urgent: findings.length > 0,
    at: now,
    by: actor,
    language: command.language,
  });
  const events: DomainEvent[] = [
    {
      type: 'QuestionnaireSubmitted',
      payload: { visitId: visit.id, questionnaireKey: questionnaire.key, urgent: findings.length > 0 },
    },
  ];
  if (findings.length) {
    const alert = await repo.alerts.insert(tx, { clinicId, visitId: visit.id, findings, at: now });
    events.push({ type: 'UrgentAlertRaised', payload: { alert } });
  }
  return {
    ok: true,
    events,
    result: { urgent: findings.length > 0 },
    entity: { type: 'visit', id: visit.id },
    // An urgent patient goes to the desk: the kiosk is done with them.
    kioskVisit: findings.length ? null : visit.id,
  };
};

export const signConsent: Handler<'SignConsent'> = async ({ tx, command, actor, clinicId, now }) => {
  const open = await arrivedVisit(tx, clinicId, command.visitId);
  if (!open.ok) return open;
  const visit = open.value;
  const document = (await repo.consents.listActiveDocuments(tx, clinicId)).find(
    (d) => d.id === command.documentId,
  );
  if (!document) return refuse('NOT_FOUND', 'This consent form has changed; please start again.');
  const problem = signatureProblem(command.signature);
  if (problem) {
    return {
      ok: false,
      code: 'VALIDATION',
      message: 'Please sign with your finger in the box.',
      issues: [{ path: 'signature', message: problem, code: problem }],
    };
  }
  await repo.consents.insert(tx, {
    clinicId,
    patientId: visit.patientId,
    visitId: visit.id,
    documentId: document.id,
    signerName: command.signerName,
    signature: command.signature,
    at: now,
    by: actor,
    language: command.language,
  });
  return {
    ok: true,
    events: [
      {
        type: 'ConsentSigned',
        payload: { visitId: visit.id, documentKey: document.key, version: document.version },
      },
    ],
    entity: { type: 'consent', id: visit.id },
    kioskVisit: visit.id,
  };
};

export const updateContactDetails: Handler<'UpdateContactDetails'> = async ({ tx, command, clinicId }) => {
  const open = await arrivedVisit(tx, clinicId, command.visitId);
  if (!open.ok) return open;
  const visit = open.value;
  const { type: _t, commandId: _c, visitId: _v, ...details } = command;
  await repo.contactDetails.update(tx, clinicId, visit.patientId, details);
  return {
    ok: true,
    events: [{ type: 'ContactDetailsUpdated', payload: { visitId: visit.id } }],
    entity: { type: 'patient', id: visit.patientId },
    kioskVisit: visit.id,
  };
};

/** The intake is done: the patient joins the queue. Refused while a required form or the consent is missing. */
export const completeCheckIn: Handler<'CompleteCheckIn'> = async ({ tx, command, actor, clinicId, now }) => {
  const open = await arrivedVisit(tx, clinicId, command.visitId);
  if (!open.ok) return open;
  const visit = open.value;
  const finished = mayCompleteCheckIn(await intakeFor(tx, clinicId, visit));
  if (!finished.ok) return finished;
  const queued = transitionVisit({ visit, action: 'queue', actor, now });
  if (!queued.ok) return queued;
  if (!(await repo.visits.save(tx, queued.value.visit, visit.version)))
    return stale(await repo.visits.get(tx, clinicId, visit.id));
  return {
    ok: true,
    events: [{ type: 'VisitStatusChanged', payload: { visit: queued.value.visit, from: visit.status } }],
    result: {
      ticketCode: visit.ticketCode!,
      estimatedMinutes: await estimatedWait(tx, clinicId, visit.id, now),
    },
    entity: { type: 'visit', id: visit.id },
    kioskVisit: null,
  };
};

export const acknowledgeAlert: Handler<'AcknowledgeAlert'> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const taken = mayAcknowledge(await repo.alerts.get(tx, clinicId, command.alertId), actor);
  if (!taken.ok) return taken;
  const { alert, by } = taken.value;
  const acknowledged = (await repo.alerts.acknowledge(tx, {
    clinicId,
    alertId: alert.id,
    by,
    at: now,
  }))!;
  return {
    ok: true,
    events: [{ type: 'AlertAcknowledged', payload: { alert: acknowledged } }],
    entity: { type: 'alert', id: alert.id },
  };
};

/** The optional satisfaction survey, after check-out: once per visit, feeding the clinic's quality figures. */
export const submitSurvey: Handler<'SubmitSurvey'> = async ({ tx, command, actor, clinicId, now }) => {
  const allowed = mayAnswerSurvey({
    visit: await repo.visits.get(tx, clinicId, command.visitId),
    survey: await repo.questionnaires.get(tx, clinicId, command.questionnaireId),
    answered: await repo.questionnaires.answered(tx, clinicId, command.visitId),
  });
  if (!allowed.ok) return allowed;
  const { visit, survey } = allowed.value;
  const checked = validateAnswers(survey, command.answers);
  if (!checked.ok) return answerIssues(checked.errors);
  await repo.questionnaires.saveResponse(tx, {
    clinicId,
    visitId: visit.id,
    questionnaireId: survey.id,
    answers: checked.answers,
    urgent: false,
    at: now,
    by: actor,
  });
  return {
    ok: true,
    events: [{ type: 'SurveySubmitted', payload: { visitId: visit.id, questionnaireKey: survey.key } }],
    entity: { type: 'visit', id: visit.id },
    kioskVisit: null,
  };
};

/** The survey a checked-out patient may still answer, or null. */
export async function surveyFor(tx: Db, clinicId: string, visit: Visit): Promise<Questionnaire | null> {
  if (visit.status !== 'checked_out') return null; // spares the two reads for every other visit
  return surveyDue({
    visit,
    questionnaires: await repo.questionnaires.listActive(tx, clinicId),
    answered: await repo.questionnaires.answered(tx, clinicId, visit.id),
  });
}
