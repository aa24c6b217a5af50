import type { CommandResult, QueuedResult } from '@clinicflow/contracts';
import { signatureProblem, validateAnswers } from '@clinicflow/domain';
import type { Messages } from '$lib/messages';
import { answersFromDrafts, contactChanges, isPhone, issuesToErrors } from '$lib/intake';
import type { CheckInFlow } from './check-in-flow.svelte';
import type { Patient } from './patient.svelte';
import { serverSays, type FieldError } from './screen.svelte';

export type Ticket = { code: string; minutes: number };

/**
 * Once checked in, what the clinic asks before the ticket: contact details and insurance, its questionnaires
 * (an urgent answer sends the patient to the desk), the consent with a signature; then the ticket.
 */
export class Forms {
  readonly #flow: CheckInFlow;
  readonly #patient: Patient;
  #ticket = $state<Ticket | null>(null);
  #formsAsked = $state(false);

  constructor(flow: CheckInFlow) {
    this.#flow = flow;
    this.#patient = flow.patient;
  }

  get ticket(): Ticket | null {
    return this.#ticket;
  }
  /** Whether any form was asked (the ticket says "no forms due" otherwise). */
  get formsAsked(): boolean {
    return this.#formsAsked;
  }
  reset(): void {
    this.#ticket = null;
    this.#formsAsked = false;
  }

  /** Checked in (or refused): on to the forms due, or straight to the ticket. */
  afterCheckIn(result: CommandResult<'CheckInPatient' | 'RegisterWalkIn'>): void {
    if (!result.ok) {
      if (result.code === 'ILLEGAL_TRANSITION')
        this.#flow.desk(serverSays(result.message, (m) => m.errors.alreadyCheckedIn));
      else this.#flow.desk((m) => m.errors.checkInFailed);
      return;
    }
    const r = result.result;
    this.#patient.match = null;
    this.#patient.visitId = r.visitId;
    this.#ticket = { code: r.ticketCode, minutes: r.estimatedMinutes };
    if (!r.intake) {
      // Already in the queue: the ticket is all that stays.
      this.#flow.forgetPatient();
      this.#flow.go('ticket');
      return;
    }
    this.#patient.intake = r.intake;
    this.#patient.drafts = Object.fromEntries(r.intake.questionnaires.map((q) => [q.id, {}]));
    this.#patient.answerErrors = Object.fromEntries(r.intake.questionnaires.map((q) => [q.id, {}]));
    if (r.intake.askContactDetails) this.#flow.go('contact-ask');
    else this.startQuestionnaire(0);
  }

  submitContact = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.clearErrors();
    const list: FieldError[] = [];
    if (this.#patient.contact.phone.trim() && !isPhone(this.#patient.contact.phone))
      list.push({ field: 'contact-phone', text: (m) => m.errors.phoneInvalid });
    if (
      this.#patient.contact.emergencyContactPhone.trim() &&
      !isPhone(this.#patient.contact.emergencyContactPhone)
    )
      list.push({ field: 'contact-emergency-phone', text: (m) => m.errors.phoneInvalid });
    if (list.length) return this.#flow.showErrors(list);
    this.#flow.go('insurance');
  };

  submitInsurance = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.clearErrors();
    const changes = contactChanges(this.#patient.contact);
    const visitId = this.#patient.visitId;
    if (!visitId || Object.keys(changes).length === 0) {
      this.startQuestionnaire(0);
      return;
    }
    void this.#flow.delivery.dispatch({ type: 'UpdateContactDetails', visitId, ...changes }, (result) => {
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
        this.#flow.go(list.length ? 'contact' : 'insurance');
        if (list.length) this.#flow.showErrors(list);
        else this.#flow.problem = (m) => m.errors.validation;
        return;
      }
      this.#flow.desk((m) => m.errors.checkInFailed);
    });
  };

  startQuestionnaire = (index: number): void => {
    const q = this.#patient.intake?.questionnaires[index];
    if (!q) {
      this.#startConsent();
      return;
    }
    this.#formsAsked = true;
    this.#flow.questions.begin(q, index);
  };

  /** The last question of a questionnaire answered: its answers are sent. */
  submitQuestionnaire(): void {
    const q = this.#flow.questions.questionnaire;
    const visitId = this.#patient.visitId;
    if (!q || !visitId) return;
    const checked = validateAnswers(q, answersFromDrafts(q, this.#flow.questions.drafts));
    if (!checked.ok) {
      this.#flow.questions.showAnswerErrors(q.id, checked.errors);
      return;
    }
    void this.#flow.delivery.dispatch(
      {
        type: 'SubmitQuestionnaire',
        visitId,
        questionnaireId: q.id,
        answers: checked.answers,
        language: this.#flow.prefs.language,
      },
      (result) => {
        if (result.ok) {
          if (result.result.urgent) this.urgent();
          else this.startQuestionnaire(this.#flow.questions.index + 1);
          return;
        }
        const list = result.code === 'VALIDATION' ? issuesToErrors(result.issues) : [];
        if (list.length) this.#flow.questions.showAnswerErrors(q.id, list);
        else this.#flow.desk((m) => m.errors.checkInFailed);
      },
    );
  }

  urgent(): void {
    // The flow stops here and the desk takes over: nothing the patient entered is kept.
    this.#flow.forgetPatient();
    this.#ticket = null;
    this.#flow.go('urgent');
  }

  #startConsent(): void {
    if (this.#patient.intake?.consent) {
      this.#formsAsked = true;
      this.#flow.clearErrors();
      this.#flow.go('consent');
    } else this.#complete();
  }

  submitConsent = (event: SubmitEvent): void => {
    event.preventDefault();
    const doc = this.#patient.intake?.consent;
    const visitId = this.#patient.visitId;
    if (!doc || !visitId || this.#flow.busy) return;
    this.#flow.clearErrors();
    const list: FieldError[] = [];
    if (!this.#patient.signerName.trim())
      list.push({ field: 'signer-name', text: (m) => m.errors.signerEmpty });
    const sig = signatureProblem(this.#patient.signature);
    if (sig) {
      const key = {
        empty: 'signatureEmpty',
        too_short: 'signatureTooShort',
        too_large: 'signatureTooLarge',
        out_of_bounds: 'signatureOutside',
      } as const;
      list.push({ field: 'signature', text: (m) => m.errors[key[sig]] });
    }
    if (list.length) return this.#flow.showErrors(list);
    void this.#flow.delivery.dispatch(
      {
        type: 'SignConsent',
        visitId,
        documentId: doc.id,
        language: this.#flow.prefs.language,
        signerName: this.#patient.signerName.trim(),
        signature: this.#patient.signature,
      },
      (result) => {
        if (result.ok) this.#complete();
        else if (result.code === 'VALIDATION') this.#flow.problem = (m) => m.errors.validation;
        else this.#flow.desk((m) => m.errors.checkInFailed);
      },
    );
  };

  #complete(): void {
    const visitId = this.#patient.visitId;
    if (!visitId) return;
    void this.#flow.delivery.dispatch({ type: 'CompleteCheckIn', visitId }, (result) => {
      if (result.ok) this.showTicket(result.result);
      else if (result.code === 'ILLEGAL_TRANSITION')
        this.#flow.desk(serverSays(result.message, (m) => m.errors.notFinished));
      else this.#flow.desk((m) => m.errors.checkInFailed);
    });
  }

  showTicket(r: QueuedResult | null): void {
    if (r) this.#ticket = { code: r.ticketCode, minutes: r.estimatedMinutes };
    if (!this.#ticket) {
      this.#flow.desk((m) => m.errors.checkInFailed);
      return;
    }
    // Checked in: the ticket is all that stays on screen; nothing of the patient stays in memory.
    this.#flow.forgetPatient();
    this.#flow.go('ticket');
  }
}
