import { tick } from 'svelte';
import type { AnswerErrorCode, Question, Questionnaire } from '@clinicflow/domain';
import { questionError, visibleQuestions } from '$lib/intake';
import type { CheckInFlow } from './check-in-flow.svelte';
import type { Patient } from './patient.svelte';

/** One question per screen, for the intake's questionnaires and the satisfaction survey alike. */
export class Questions {
  /** Which of the intake's questionnaires (the survey, when there is one, is asked instead). */
  #index = $state(0);
  #questionId = $state<string | null>(null);
  readonly #flow: CheckInFlow;

  constructor(flow: CheckInFlow) {
    this.#flow = flow;
  }
  // A getter: the derived values below are read lazily, after the constructor (a field would look unset to TS).
  get #patient(): Patient {
    return this.#flow.patient;
  }

  get index(): number {
    return this.#index;
  }

  /** Opens a questionnaire at its first question to be asked (`index`: which of the intake's it is). */
  begin(questionnaire: Questionnaire, index = this.#index): void {
    this.#index = index;
    this.#questionId =
      visibleQuestions(questionnaire, this.#patient.drafts[questionnaire.id] ?? {})[0]?.id ?? null;
    this.#flow.clearErrors();
    this.#flow.go('question');
  }

  /** Where the patient was goes with the patient. */
  forget(): void {
    this.#questionId = null;
  }
  /** The next patient starts at the intake's first questionnaire. */
  reset(): void {
    this.#index = 0;
  }

  /** The questionnaire being asked: the survey, or the intake's current one. */
  readonly questionnaire = $derived(
    this.#patient.survey ?? this.#patient.intake?.questionnaires[this.#index] ?? null,
  );
  /** What has been chosen so far in this questionnaire. */
  readonly drafts = $derived(this.questionnaire ? (this.#patient.drafts[this.questionnaire.id] ?? {}) : {});
  readonly visible = $derived(this.questionnaire ? visibleQuestions(this.questionnaire, this.drafts) : []);
  /** Where the patient is among the questions asked (-1: none). */
  readonly position = $derived(this.visible.findIndex((q) => q.id === this.#questionId));
  readonly question = $derived<Question | null>(this.visible[this.position] ?? null);
  /** The current answer's problem, shown beside it. */
  readonly errorCode = $derived(
    this.questionnaire && this.question
      ? (this.#patient.answerErrors[this.questionnaire.id]?.[this.question.id] ?? null)
      : null,
  );
  readonly canGoBack = $derived(
    this.position > 0 ||
      !!this.#patient.survey ||
      (this.#index === 0 && !!this.#patient.intake?.askContactDetails),
  );

  #setAnswerError(qnId: string, qId: string, code: AnswerErrorCode | null): void {
    const current = { ...(this.#patient.answerErrors[qnId] ?? {}) };
    if (code) current[qId] = code;
    else delete current[qId];
    this.#patient.answerErrors = { ...this.#patient.answerErrors, [qnId]: current };
  }

  #focusAnswer(): void {
    void tick().then(() => {
      const el = document.getElementById(`answer-${this.#questionId}`);
      const target = el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input');
      (target ?? document.getElementById(`answer-${this.#questionId}-${this.#flow.t.dobOrder[0]}`))?.focus();
    });
  }

  next = (event: SubmitEvent): void => {
    event.preventDefault();
    const { questionnaire, question } = this;
    if (!questionnaire || !question || this.#flow.busy) return;
    const code = questionError(questionnaire, this.drafts, question.id);
    this.#setAnswerError(questionnaire.id, question.id, code);
    if (code) {
      this.#focusAnswer();
      return;
    }
    const next = this.visible[this.position + 1];
    if (next) {
      this.#questionId = next.id;
      this.#flow.go('question');
    } else if (this.#patient.survey) this.#flow.survey.submit();
    else this.#flow.forms.submitQuestionnaire();
  };

  previous = (): void => {
    const prev = this.visible[this.position - 1];
    if (prev) {
      this.#questionId = prev.id;
      this.#flow.go('question');
    } else if (this.#patient.survey) this.#flow.go('survey-offer');
    else if (this.#index === 0 && this.#patient.intake?.askContactDetails) this.#flow.go('contact-ask');
  };

  /** Sends to the first question with a problem, with its message beside it. */
  showAnswerErrors(qnId: string, list: { question: string; code: AnswerErrorCode }[]): void {
    this.#patient.answerErrors = {
      ...this.#patient.answerErrors,
      [qnId]: Object.fromEntries(list.map((e) => [e.question, e.code])),
    };
    const first = this.visible.find((q) => list.some((e) => e.question === q.id));
    if (first) this.#questionId = first.id;
    this.#flow.go('question');
  }
}
