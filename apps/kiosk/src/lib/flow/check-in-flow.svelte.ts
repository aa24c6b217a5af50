import { tick } from 'svelte';
import type { Command, CommandResult, QueuedResult } from '@clinicflow/contracts';
import { appointmentCodeLength, normalizeAppointmentCode } from '@clinicflow/contracts';
import {
  signatureProblem,
  validateAnswers,
  type AnswerErrorCode,
  type Question,
  type ReasonCategory,
} from '@clinicflow/domain';
import type { Messages } from '$lib/messages';
import { clinicToday, parseDateOfBirth } from '$lib/date-of-birth';
import {
  answersFromDrafts,
  contactChanges,
  isPhone,
  issuesToErrors,
  questionError,
  visibleQuestions,
} from '$lib/intake';
import type { Preferences } from '$lib/preferences.svelte';
import { Patient } from './patient.svelte';
import { Screen, serverSays, type FieldError, type Step, type Text } from './screen.svelte';
import { Delivery, pend, type Pending, type Realtime } from './delivery.svelte';

export type { FieldError, Step, Text } from './screen.svelte';
export type { Match } from './patient.svelte';

/** The whole check-in (steps, what was typed, commands); construct it during component init, as it registers effects. */
export class CheckInFlow extends Screen {
  readonly rt: Realtime;
  readonly #timeZone: () => string | undefined;
  /** Commands through the outbox, and whether the kiosk is waiting on the server. */
  readonly delivery: Delivery;

  /** Everything of the patient: forgotten in one assignment. */
  readonly patient = new Patient();
  /** Whether anything of a patient is still held (tests: every ending must leave this false). */
  get holdsPatientData(): boolean {
    return this.patient.holdsData;
  }

  /** How the patient started: checking in, as a walk-in, or to tell us about a visit that is over. */
  #mode = $state<'appointment' | 'walkin' | 'survey'>('appointment');
  #ticket = $state<{ code: string; minutes: number } | null>(null);
  /** The satisfaction survey being answered (after check-out); asked like the intake questions. */
  /** What the survey's "Thank you" screen says instead of the usual words (already answered, not saved). */
  #surveyNote = $state<Text | null>(null);
  #formsAsked = $state(false);
  #qIndex = $state(0);
  #questionId = $state<string | null>(null);

  constructor(options: { rt: Realtime; prefs: Preferences; timeZone: () => string | undefined }) {
    super(options.prefs);
    this.rt = options.rt;
    this.#timeZone = options.timeZone;
    this.delivery = new Delivery(this.rt, this);
  }

  /** After a reload mid-flow: what was in flight is sent when the connection allows, and the patient is told. */
  restore(): void {
    if (this.delivery.restore((command) => this.#recovered(command))) {
      this.resumeAt('offline');
      this.delivery.online();
    }
  }

  get mode() {
    return this.#mode;
  }
  get ticket() {
    return this.#ticket;
  }
  get surveyNote(): Text | null {
    return this.#surveyNote;
  }
  get formsAsked(): boolean {
    return this.#formsAsked;
  }
  get busy(): boolean {
    return this.delivery.busy;
  }
  get timeZone(): string | undefined {
    return this.#timeZone();
  }

  /** Forgets everything about the patient: nothing of theirs stays on screen or in memory. */
  reset = (): void => {
    this.#forgetPatient();
    this.#ticket = null;
    this.#surveyNote = null;
    this.#formsAsked = false;
    this.#qIndex = 0;
    this.clearErrors();
    this.delivery.reset();
    this.#mode = 'appointment';
    this.prefs.reset();
    this.go('welcome');
  };

  #forgetPatient(): void {
    this.patient.forget();
    this.#questionId = null;
  }

  /** A command sent before a reload, and how its answer is shown now that the screen it came from is gone. */
  #recovered(command: Command): Pending {
    const sent: Text = (m) => m.sentCheckIn;
    const refused = (result: CommandResult): result is Extract<CommandResult, { ok: false }> => {
      if (!result.ok) this.desk(() => result.message);
      return !result.ok;
    };
    switch (command.type) {
      case 'SubmitSurvey':
        return pend(command, (r) => this.#surveyDone(r));
      case 'CheckInPatient':
      case 'RegisterWalkIn':
        return pend(command, (r) => {
          if (refused(r)) return;
          this.#afterCheckIn(r);
          this.announce(sent);
        });
      case 'CompleteCheckIn':
        return pend(command, (r) => {
          if (refused(r)) return;
          this.#showTicket(r.result);
          this.announce(sent);
        });
      case 'SubmitQuestionnaire':
        return pend(command, (r) => {
          if (refused(r)) return;
          if (r.result.urgent) this.#urgent();
          else this.go('sent');
        });
      default:
        return pend(command, (r) => {
          if (!refused(r)) this.go('sent');
        });
    }
  }

  // ---- Identify ----

  startCheckIn = (): void => {
    this.#mode = 'appointment';
    this.back('name');
  };
  startSurveyLookUp = (): void => {
    this.#mode = 'survey';
    this.back('name');
  };
  startWalkIn = (): void => {
    this.#mode = 'walkin';
    this.back('walkin-name');
  };

  submitName = (event: SubmitEvent): void => {
    event.preventDefault();
    this.clearErrors();
    if (!this.patient.lastName.trim()) {
      this.showErrors([{ field: 'last-name', text: (m) => m.errors.lastNameEmpty }]);
      return;
    }
    this.go('dob');
  };

  submitWalkInName = (event: SubmitEvent): void => {
    event.preventDefault();
    this.clearErrors();
    const list: FieldError[] = [];
    if (!this.patient.firstName.trim())
      list.push({ field: 'first-name', text: (m) => m.errors.firstNameEmpty });
    if (!this.patient.lastName.trim()) list.push({ field: 'last-name', text: (m) => m.errors.lastNameEmpty });
    if (list.length) return this.showErrors(list);
    this.go('dob');
  };

  submitCode = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    this.clearErrors();
    const normalized = normalizeAppointmentCode(this.patient.code);
    if (normalized.length !== appointmentCodeLength) {
      this.showErrors([{ field: 'appointment-code', text: (m) => m.errors.codeInvalid }]);
      return;
    }
    await this.#lookUp({ code: normalized });
  };

  #checkedDob(): string | null {
    const parsed = parseDateOfBirth({
      ...this.patient.dob,
      today: clinicToday(this.rt.now(), this.timeZone),
    });
    if (parsed.ok) return parsed.iso;
    const first = this.t.dobOrder.find((f) => parsed.fields.includes(f)) ?? 'day';
    this.showErrors(
      parsed.fields.map((f) => ({ field: `dob-${f}`, text: (m: Messages) => m.errors[parsed.error] })),
      `dob-${first}`,
    );
    return null;
  }

  submitDob = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    this.clearErrors();
    const iso = this.#checkedDob();
    if (!iso) return;
    if (this.#mode === 'walkin') {
      this.go('walkin-phone');
      return;
    }
    await this.#lookUp({ lastName: this.patient.lastName.trim(), dateOfBirth: iso });
  };

  async #lookUp(query: { lastName: string; dateOfBirth: string } | { code: string }): Promise<void> {
    const result = await this.delivery.asking(() => this.rt.findAppointment(query));
    if (result.ok) {
      this.patient.match = result.match;
      if (result.match.status === 'checked_out' && result.match.survey) {
        // Came to tell us about the visit: straight to the questions; otherwise asked first.
        if (this.#mode === 'survey') this.startSurvey();
        else this.go('survey-offer');
        return;
      }
      this.go('confirm');
      return;
    }
    if (result.code === 'AMBIGUOUS') {
      this.desk((m) => m.errors.ambiguous);
      return;
    }
    const byCode: Record<string, Text> = {
      NOT_FOUND: (m) => m.errors.notFound,
      VALIDATION: (m) => m.errors.validation,
      INTERNAL: (m) => m.errors.offline,
      OFFLINE: (m) => m.errors.offline,
      UNAVAILABLE: (m) => m.errors.offline,
      RATE_LIMITED: (m) => m.errors.slowDown,
    };
    this.problem = byCode[result.code] ?? ((m) => m.errors.askAtDesk);
  }

  confirm = (): void => {
    if (!this.patient.match || this.busy) return;
    this.clearErrors();
    void this.delivery.dispatch({ type: 'CheckInPatient', visitId: this.patient.match.visitId }, (r) =>
      this.#afterCheckIn(r),
    );
  };

  /** "That is not me": back to the name, forgetting the appointment found. */
  notMe = (): void => {
    this.clearErrors();
    this.patient.match = null;
    this.go('name');
  };

  // ---- Walk-in ----

  submitPhone = (event: SubmitEvent): void => {
    event.preventDefault();
    this.clearErrors();
    if (!isPhone(this.patient.phone)) {
      this.showErrors([{ field: 'walkin-phone', text: (m) => m.errors.phoneInvalid }]);
      return;
    }
    this.go('walkin-reason');
  };

  phoneKey = (k: string): void => {
    this.patient.phone =
      k === 'delete' ? this.patient.phone.slice(0, -1) : (this.patient.phone + k).slice(0, 20);
  };

  register(reason: ReasonCategory): void {
    if (this.busy) return;
    this.clearErrors();
    const iso = parseDateOfBirth({ ...this.patient.dob, today: clinicToday(this.rt.now(), this.timeZone) });
    if (!iso.ok) {
      this.go('dob');
      return;
    }
    void this.delivery.dispatch(
      {
        type: 'RegisterWalkIn',
        firstName: this.patient.firstName.trim(),
        lastName: this.patient.lastName.trim(),
        dateOfBirth: iso.iso,
        phone: this.patient.phone.trim(),
        reasonCategory: reason,
      },
      (result) => {
        if (!result.ok && result.code === 'VALIDATION') {
          const path = result.issues?.[0]?.path ?? '';
          const back: Step =
            path === 'phone' ? 'walkin-phone' : path === 'dateOfBirth' ? 'dob' : 'walkin-name';
          this.go(back);
          this.problem = (m) => m.errors.validation;
          return;
        }
        this.#afterCheckIn(result);
      },
    );
  }

  // ---- Intake ----

  #afterCheckIn(result: CommandResult<'CheckInPatient' | 'RegisterWalkIn'>): void {
    if (!result.ok) {
      if (result.code === 'ILLEGAL_TRANSITION')
        this.desk(serverSays(result.message, (m) => m.errors.alreadyCheckedIn));
      else this.desk((m) => m.errors.checkInFailed);
      return;
    }
    const r = result.result;
    this.patient.match = null;
    this.patient.visitId = r.visitId;
    this.#ticket = { code: r.ticketCode, minutes: r.estimatedMinutes };
    if (!r.intake) {
      // Already in the queue: the ticket is all that stays.
      this.#forgetPatient();
      this.go('ticket');
      return;
    }
    this.patient.intake = r.intake;
    this.patient.drafts = Object.fromEntries(r.intake.questionnaires.map((q) => [q.id, {}]));
    this.patient.answerErrors = Object.fromEntries(r.intake.questionnaires.map((q) => [q.id, {}]));
    if (r.intake.askContactDetails) this.go('contact-ask');
    else this.startQuestionnaire(0);
  }

  submitContact = (event: SubmitEvent): void => {
    event.preventDefault();
    this.clearErrors();
    const list: FieldError[] = [];
    if (this.patient.contact.phone.trim() && !isPhone(this.patient.contact.phone))
      list.push({ field: 'contact-phone', text: (m) => m.errors.phoneInvalid });
    if (
      this.patient.contact.emergencyContactPhone.trim() &&
      !isPhone(this.patient.contact.emergencyContactPhone)
    )
      list.push({ field: 'contact-emergency-phone', text: (m) => m.errors.phoneInvalid });
    if (list.length) return this.showErrors(list);
    this.go('insurance');
  };

  submitInsurance = (event: SubmitEvent): void => {
    event.preventDefault();
    this.clearErrors();
    const changes = contactChanges(this.patient.contact);
    const visitId = this.patient.visitId;
    if (!visitId || Object.keys(changes).length === 0) {
      this.startQuestionnaire(0);
      return;
    }
    void this.delivery.dispatch({ type: 'UpdateContactDetails', visitId, ...changes }, (result) => {
      if (result.ok) {
        this.startQuestionnaire(0);
        return;
      }
      if (result.code === 'VALIDATION') {
        const fields: Record<string, string> = {
          phone: 'contact-phone',
          emergencyContactPhone: 'contact-emergency-phone',
        };
        const list = (result.issues ?? [])
          .map((i) => fields[i.path])
          .filter((f): f is string => !!f)
          .map((field) => ({ field, text: (m: Messages) => m.errors.phoneInvalid }));
        this.go(list.length ? 'contact' : 'insurance');
        if (list.length) this.showErrors(list);
        else this.problem = (m) => m.errors.validation;
        return;
      }
      this.desk((m) => m.errors.checkInFailed);
    });
  };

  readonly questionnaire = $derived(
    this.patient.survey ?? this.patient.intake?.questionnaires[this.#qIndex] ?? null,
  );
  readonly #qDrafts = $derived(this.questionnaire ? (this.patient.drafts[this.questionnaire.id] ?? {}) : {});
  readonly visible = $derived(this.questionnaire ? visibleQuestions(this.questionnaire, this.#qDrafts) : []);
  readonly qPos = $derived(this.visible.findIndex((q) => q.id === this.#questionId));
  readonly question = $derived<Question | null>(this.visible[this.qPos] ?? null);
  readonly questionErrorCode = $derived(
    this.questionnaire && this.question
      ? (this.patient.answerErrors[this.questionnaire.id]?.[this.question.id] ?? null)
      : null,
  );
  readonly canGoBack = $derived(
    this.qPos > 0 ||
      !!this.patient.survey ||
      (this.#qIndex === 0 && !!this.patient.intake?.askContactDetails),
  );

  startQuestionnaire = (index: number): void => {
    const q = this.patient.intake?.questionnaires[index];
    if (!q) {
      this.#startConsent();
      return;
    }
    this.#formsAsked = true;
    this.#qIndex = index;
    this.#questionId = visibleQuestions(q, this.patient.drafts[q.id] ?? {})[0]?.id ?? null;
    this.clearErrors();
    this.go('question');
  };

  #setAnswerError(qnId: string, qId: string, code: AnswerErrorCode | null): void {
    const current = { ...(this.patient.answerErrors[qnId] ?? {}) };
    if (code) current[qId] = code;
    else delete current[qId];
    this.patient.answerErrors = { ...this.patient.answerErrors, [qnId]: current };
  }

  #focusAnswer(): void {
    void tick().then(() => {
      const el = document.getElementById(`answer-${this.#questionId}`);
      const target = el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input');
      (target ?? document.getElementById(`answer-${this.#questionId}-${this.t.dobOrder[0]}`))?.focus();
    });
  }

  nextQuestion = (event: SubmitEvent): void => {
    event.preventDefault();
    const { questionnaire, question } = this;
    if (!questionnaire || !question || this.busy) return;
    const code = questionError(questionnaire, this.#qDrafts, question.id);
    this.#setAnswerError(questionnaire.id, question.id, code);
    if (code) {
      this.#focusAnswer();
      return;
    }
    const next = this.visible[this.qPos + 1];
    if (next) {
      this.#questionId = next.id;
      this.go('question');
    } else if (this.patient.survey) this.#submitSurvey();
    else this.#submitQuestionnaire();
  };

  previousQuestion = (): void => {
    const prev = this.visible[this.qPos - 1];
    if (prev) {
      this.#questionId = prev.id;
      this.go('question');
    } else if (this.patient.survey) this.go('survey-offer');
    else if (this.#qIndex === 0 && this.patient.intake?.askContactDetails) this.go('contact-ask');
  };

  /** Sends to the first question with a problem, with its message beside it. */
  #showAnswerErrors(qnId: string, list: { question: string; code: AnswerErrorCode }[]): void {
    this.patient.answerErrors = {
      ...this.patient.answerErrors,
      [qnId]: Object.fromEntries(list.map((e) => [e.question, e.code])),
    };
    const first = this.visible.find((q) => list.some((e) => e.question === q.id));
    if (first) this.#questionId = first.id;
    this.go('question');
  }

  #submitQuestionnaire(): void {
    const q = this.questionnaire;
    const visitId = this.patient.visitId;
    if (!q || !visitId) return;
    const checked = validateAnswers(q, answersFromDrafts(q, this.#qDrafts));
    if (!checked.ok) {
      this.#showAnswerErrors(q.id, checked.errors);
      return;
    }
    void this.delivery.dispatch(
      { type: 'SubmitQuestionnaire', visitId, questionnaireId: q.id, answers: checked.answers },
      (result) => {
        if (result.ok) {
          if (result.result.urgent) this.#urgent();
          else this.startQuestionnaire(this.#qIndex + 1);
          return;
        }
        const list = result.code === 'VALIDATION' ? issuesToErrors(result.issues) : [];
        if (list.length) this.#showAnswerErrors(q.id, list);
        else this.desk((m) => m.errors.checkInFailed);
      },
    );
  }

  // ---- Satisfaction survey (after check-out, optional) ----

  startSurvey = (): void => {
    const match = this.patient.match;
    const s = match?.survey;
    if (!match || !s) return;
    this.patient.visitId = match.visitId;
    this.patient.survey = s;
    // What was already chosen stays chosen (Back to the offer and Yes again).
    this.patient.drafts = { ...this.patient.drafts, [s.id]: this.patient.drafts[s.id] ?? {} };
    this.patient.answerErrors = {
      ...this.patient.answerErrors,
      [s.id]: this.patient.answerErrors[s.id] ?? {},
    };
    this.#questionId = visibleQuestions(s, this.patient.drafts[s.id] ?? {})[0]?.id ?? null;
    this.clearErrors();
    this.go('question');
  };

  #submitSurvey(): void {
    const q = this.patient.survey;
    const visitId = this.patient.visitId;
    if (!q || !visitId) return;
    const checked = validateAnswers(q, answersFromDrafts(q, this.#qDrafts));
    if (!checked.ok) {
      this.#showAnswerErrors(q.id, checked.errors);
      return;
    }
    void this.delivery.dispatch(
      { type: 'SubmitSurvey', visitId, questionnaireId: q.id, answers: checked.answers },
      (r) => this.#surveyDone(r),
    );
  }

  #surveyDone(result: CommandResult): void {
    if (!result.ok && result.code === 'VALIDATION' && this.patient.survey) {
      const list = issuesToErrors(result.issues);
      if (list.length) this.#showAnswerErrors(this.patient.survey.id, list);
      else this.problem = (m) => m.errors.validation;
      return;
    }
    // Answered (or not to be answered here): nothing of it is kept.
    this.#surveyNote = result.ok
      ? null
      : result.code === 'ILLEGAL_TRANSITION'
        ? serverSays(result.message, (m) => m.surveyAlready)
        : (m) => m.surveyFailed;
    this.#forgetPatient();
    this.go('survey-thanks');
  }

  #urgent(): void {
    // The flow stops here and the desk takes over: nothing the patient entered is kept.
    this.#forgetPatient();
    this.#ticket = null;
    this.go('urgent');
  }

  #startConsent(): void {
    if (this.patient.intake?.consent) {
      this.#formsAsked = true;
      this.clearErrors();
      this.go('consent');
    } else this.#complete();
  }

  submitConsent = (event: SubmitEvent): void => {
    event.preventDefault();
    const doc = this.patient.intake?.consent;
    const visitId = this.patient.visitId;
    if (!doc || !visitId || this.busy) return;
    this.clearErrors();
    const list: FieldError[] = [];
    if (!this.patient.signerName.trim())
      list.push({ field: 'signer-name', text: (m) => m.errors.signerEmpty });
    const sig = signatureProblem(this.patient.signature);
    if (sig) {
      const key = {
        empty: 'signatureEmpty',
        too_short: 'signatureTooShort',
        too_large: 'signatureTooLarge',
        out_of_bounds: 'signatureOutside',
      } as const;
      list.push({ field: 'signature', text: (m) => m.errors[key[sig]] });
    }
    if (list.length) return this.showErrors(list);
    void this.delivery.dispatch(
      {
        type: 'SignConsent',
        visitId,
        documentId: doc.id,
        signerName: this.patient.signerName.trim(),
        signature: this.patient.signature,
      },
      (result) => {
        if (result.ok) this.#complete();
        else if (result.code === 'VALIDATION') this.problem = (m) => m.errors.validation;
        else this.desk((m) => m.errors.checkInFailed);
      },
    );
  };

  #complete(): void {
    const visitId = this.patient.visitId;
    if (!visitId) return;
    void this.delivery.dispatch({ type: 'CompleteCheckIn', visitId }, (result) => {
      if (result.ok) this.#showTicket(result.result);
      else if (result.code === 'ILLEGAL_TRANSITION')
        this.desk(serverSays(result.message, (m) => m.errors.notFinished));
      else this.desk((m) => m.errors.checkInFailed);
    });
  }

  #showTicket(r: QueuedResult | null): void {
    if (r) this.#ticket = { code: r.ticketCode, minutes: r.estimatedMinutes };
    if (!this.#ticket) {
      this.desk((m) => m.errors.checkInFailed);
      return;
    }
    // Checked in: the ticket is all that stays on screen; nothing of the patient stays in memory.
    this.#forgetPatient();
    this.go('ticket');
  }

  /** "Step 2 of 3" (or "Question 1 of 4") for the identify steps and the questions. */
  readonly progress = $derived.by((): string | null => {
    const t = this.t;
    if (this.step === 'question' && this.qPos >= 0) return t.questionOf(this.qPos + 1, this.visible.length);
    const appointment: Partial<Record<Step, number>> = { name: 1, code: 1, dob: 2, confirm: 3 };
    const walkIn: Partial<Record<Step, number>> = {
      'walkin-name': 1,
      dob: 2,
      'walkin-phone': 3,
      'walkin-reason': 4,
    };
    const surveying: Partial<Record<Step, number>> = { name: 1, code: 1, dob: 2 };
    const [steps, total] = (
      { appointment: [appointment, 3], walkin: [walkIn, 4], survey: [surveying, 2] } as const
    )[this.#mode];
    const n = steps[this.step];
    return n ? t.stepOf(n, total) : null;
  });
}
