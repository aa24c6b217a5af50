import type { CommandResult } from '@clinicflow/contracts';
import { validateAnswers } from '@clinicflow/domain';
import { answersFromDrafts, issuesToErrors } from '$lib/intake';
import type { CheckInFlow } from './check-in-flow.svelte';
import type { Patient } from './patient.svelte';
import { serverSays, type Text } from './screen.svelte';

/** The satisfaction survey: optional, after check-out, asked like the intake questions, then forgotten. */
export class Survey {
  readonly #flow: CheckInFlow;
  readonly #patient: Patient;
  /** What the "Thank you" screen says instead of the usual words (already answered, not saved). */
  #note = $state<Text | null>(null);

  constructor(flow: CheckInFlow) {
    this.#flow = flow;
    this.#patient = flow.patient;
  }

  get note(): Text | null {
    return this.#note;
  }
  reset(): void {
    this.#note = null;
  }

  start = (): void => {
    const match = this.#patient.match;
    const s = match?.survey;
    if (!match || !s) return;
    this.#patient.visitId = match.visitId;
    this.#patient.survey = s;
    // What was already chosen stays chosen (Back to the offer and Yes again).
    this.#patient.drafts = { ...this.#patient.drafts, [s.id]: this.#patient.drafts[s.id] ?? {} };
    this.#patient.answerErrors = {
      ...this.#patient.answerErrors,
      [s.id]: this.#patient.answerErrors[s.id] ?? {},
    };
    this.#flow.questions.begin(s);
  };

  /** The last question answered: the answers are sent. */
  submit(): void {
    const q = this.#patient.survey;
    const visitId = this.#patient.visitId;
    if (!q || !visitId) return;
    const checked = validateAnswers(q, answersFromDrafts(q, this.#flow.questions.drafts));
    if (!checked.ok) {
      this.#flow.questions.showAnswerErrors(q.id, checked.errors);
      return;
    }
    void this.#flow.delivery.dispatch(
      { type: 'SubmitSurvey', visitId, questionnaireId: q.id, answers: checked.answers },
      (r) => this.done(r),
    );
  }

  /** Also how a survey sent before a reload is answered. */
  done(result: CommandResult): void {
    if (!result.ok && result.code === 'VALIDATION' && this.#patient.survey) {
      const list = issuesToErrors(result.issues);
      if (list.length) this.#flow.questions.showAnswerErrors(this.#patient.survey.id, list);
      else this.#flow.problem = (m) => m.errors.validation;
      return;
    }
    // Answered (or not to be answered here): nothing of it is kept.
    this.#note = result.ok
      ? null
      : result.code === 'ILLEGAL_TRANSITION'
        ? serverSays(result.message, (m) => m.surveyAlready)
        : (m) => m.surveyFailed;
    this.#flow.forgetPatient();
    this.#flow.go('survey-thanks');
  }
}
