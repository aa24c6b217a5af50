import {
  clinicDay,
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
import type { Command, Intake } from '@clinicflow/contracts';
import { type Db, repo } from '@clinicflow/db';
import { stale, type Handler } from '../../platform/handler';
import { estimatedWait } from '../visits/estimated-wait';
import { arriveAndMaybeQueue, issueTicket } from '../visits/visit.handlers';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

/** What is still to ask this patient before they join the queue; null when nothing is. */
export async function intakeFor(tx: Db, clinicId: string, visit: Visit): Promise<Intake | null> {
  const clinic = (await repo.clinics.get(tx, clinicId))!;
  const questionnaires = questionnairesDue({
    questionnaires: await repo.questionnaires.listActive(tx, clinicId),
    reasonCategory: visit.reasonCategory,
    answered: await repo.questionnaires.answered(tx, visit.id),
  });
  const signed = await repo.consents.signedDocuments(tx, visit.patientId);
  const consent =
    (await repo.consents.listActiveDocuments(tx, clinicId)).find((d) => !signed.includes(d.id)) ?? null;
  if (!questionnaires.length && !consent && !clinic.askContactDetails) return null;
  return { questionnaires, consent, askContactDetails: clinic.askContactDetails };
}

/** The intake visit a kiosk or the desk works on: it must exist and not yet be in the queue. */
async function arrivedVisit(tx: Db, clinicId: string, visitId: string): Promise<Visit | string> {
  const visit = await repo.visits.get(tx, clinicId, visitId);
  if (!visit) return 'We could not find this visit.';
  if (visit.status !== 'arrived') return 'This check-in is already finished.';
  return visit;
}

/** A walk-in: the patient (known or new) gets a visit for today, arrives at once, and takes a W- ticket. */
export const registerWalkIn: Handler<C<'RegisterWalkIn'>> = async (input) => {
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

export const submitQuestionnaire: Handler<C<'SubmitQuestionnaire'>> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const visit = await arrivedVisit(tx, clinicId, command.visitId);
  if (typeof visit === 'string') return refuse('ILLEGAL_TRANSITION', visit);
  const questionnaire = await repo.questionnaires.get(tx, clinicId, command.questionnaireId);
  if (!questionnaire) return refuse('NOT_FOUND', 'This questionnaire no longer exists.');
  const checked = validateAnswers(questionnaire, command.answers);
  if (!checked.ok) {
    return {
      ok: false,
      code: 'VALIDATION',
      message: 'Some answers need another look.',
      issues: checked.errors.map((e) => ({ path: `answers.${e.question}`, message: e.code, code: e.code })),
    };
  }
  const findings = urgentFindings(questionnaire, checked.answers);
  await repo.questionnaires.saveResponse(tx, {
    clinicId,
    visitId: visit.id,
    questionnaireId: questionnaire.id,
    answers: checked.answers,
    urgent: findings.length > 0,
    at: now,
    by: actor,
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

export const signConsent: Handler<C<'SignConsent'>> = async ({ tx, command, actor, clinicId, now }) => {
  const visit = await arrivedVisit(tx, clinicId, command.visitId);
  if (typeof visit === 'string') return refuse('ILLEGAL_TRANSITION', visit);
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

export const updateContactDetails: Handler<C<'UpdateContactDetails'>> = async ({ tx, command, clinicId }) => {
  const visit = await arrivedVisit(tx, clinicId, command.visitId);
  if (typeof visit === 'string') return refuse('ILLEGAL_TRANSITION', visit);
  const { type: _t, commandId: _c, visitId: _v, ...details } = command;
  await repo.contactDetails.update(tx, visit.patientId, details);
  return {
    ok: true,
    events: [{ type: 'ContactDetailsUpdated', payload: { visitId: visit.id } }],
    entity: { type: 'patient', id: visit.patientId },
    kioskVisit: visit.id,
  };
};

/** The intake is done: the patient joins the queue. Refused while a required form or the consent is missing. */
export const completeCheckIn: Handler<C<'CompleteCheckIn'>> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const visit = await arrivedVisit(tx, clinicId, command.visitId);
  if (typeof visit === 'string') return refuse('ILLEGAL_TRANSITION', visit);
  const intake = await intakeFor(tx, clinicId, visit);
  const missing = intake?.questionnaires.filter((q) => q.items.some((i) => i.required)) ?? [];
  if (missing.length || intake?.consent) {
    return refuse('ILLEGAL_TRANSITION', 'Please finish the questions and the consent first.');
  }
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

export const acknowledgeAlert: Handler<C<'AcknowledgeAlert'>> = async ({
  tx,
  command,
  actor,
  clinicId,
  now,
}) => {
  const alert = await repo.alerts.get(tx, clinicId, command.alertId);
  if (!alert) return refuse('NOT_FOUND', 'This alert no longer exists.');
  if (alert.acknowledgedAt) return refuse('ILLEGAL_TRANSITION', 'Someone has already taken this alert.');
  if (actor.kind !== 'staff') return refuse('NOT_ALLOWED', 'Only staff acknowledge alerts.');
  const acknowledged = (await repo.alerts.acknowledge(tx, {
    clinicId,
    alertId: alert.id,
    by: actor.id,
    at: now,
  }))!;
  return {
    ok: true,
    events: [{ type: 'AlertAcknowledged', payload: { alert: acknowledged } }],
    entity: { type: 'alert', id: alert.id },
  };
};

/** The optional satisfaction survey, after check-out: once per visit, feeding the clinic's quality figures. */
export const submitSurvey: Handler<C<'SubmitSurvey'>> = async ({ tx, command, actor, clinicId, now }) => {
  const visit = await repo.visits.get(tx, clinicId, command.visitId);
  if (!visit) return refuse('NOT_FOUND', 'We could not find this visit.');
  if (visit.status !== 'checked_out')
    return refuse('ILLEGAL_TRANSITION', 'The survey opens after your visit.');
  const survey = await repo.questionnaires.get(tx, clinicId, command.questionnaireId);
  if (!survey || survey.purpose !== 'survey') return refuse('NOT_FOUND', 'This survey no longer exists.');
  if ((await repo.questionnaires.answered(tx, visit.id)).includes(survey.id)) {
    return refuse('ILLEGAL_TRANSITION', 'Thank you, we already have your answers.');
  }
  const checked = validateAnswers(survey, command.answers);
  if (!checked.ok) {
    return {
      ok: false,
      code: 'VALIDATION',
      message: 'Some answers need another look.',
      issues: checked.errors.map((e) => ({ path: `answers.${e.question}`, message: e.code, code: e.code })),
    };
  }
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
  if (visit.status !== 'checked_out') return null;
  const answered = await repo.questionnaires.answered(tx, visit.id);
  return (
    (await repo.questionnaires.listActive(tx, clinicId)).find(
      (q) => q.purpose === 'survey' && !answered.includes(q.id),
    ) ?? null
  );
}
