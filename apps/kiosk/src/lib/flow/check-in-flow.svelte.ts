import type { Command, CommandResult } from '@clinicflow/contracts';
import type { Preferences } from '$lib/preferences.svelte';
import { Delivery, pend, type Pending, type Realtime } from './delivery.svelte';
import { Forms } from './forms.svelte';
import { Identify } from './identify.svelte';
import { Patient } from './patient.svelte';
import { Questions } from './questions.svelte';
import { Screen, type Step, type Text } from './screen.svelte';
import { Survey } from './survey.svelte';

export type { FieldError, Step, Text } from './screen.svelte';
export type { Match } from './patient.svelte';
export type { Ticket } from './forms.svelte';

/**
 * The whole check-in, step by step: identify (or register a walk-in), the forms, the ticket; the urgent path and
 * the satisfaction survey; and forgetting the patient at every ending. The steps are its parts below; the flow is
 * the screen they share. Construct it during component init, as it registers effects.
 */
export class CheckInFlow extends Screen {
  readonly rt: Realtime;
  readonly #timeZone: () => string | undefined;
  /** Everything of the patient: forgotten in one assignment. */
  readonly patient = new Patient();
  /** Commands through the outbox, and whether the kiosk is waiting on the server. */
  readonly delivery: Delivery;
  readonly identify: Identify;
  readonly forms: Forms;
  readonly questions: Questions;
  readonly survey: Survey;

  constructor(options: { rt: Realtime; prefs: Preferences; timeZone: () => string | undefined }) {
    super(options.prefs);
    this.rt = options.rt;
    this.#timeZone = options.timeZone;
    this.delivery = new Delivery(this.rt, this);
    this.identify = new Identify(this);
    this.forms = new Forms(this);
    this.questions = new Questions(this);
    this.survey = new Survey(this);
  }

  get busy(): boolean {
    return this.delivery.busy;
  }
  get timeZone(): string | undefined {
    return this.#timeZone();
  }
  /** Whether anything of a patient is still held (tests: every ending must leave this false). */
  get holdsPatientData(): boolean {
    return this.patient.holdsData;
  }

  /** After a reload mid-flow: what was in flight is sent when the connection allows, and the patient is told. */
  restore(): void {
    if (this.delivery.restore((command) => this.#recovered(command))) {
      this.resumeAt('offline');
      this.delivery.online();
    }
  }

  /** Forgets everything about the patient: nothing of theirs stays on screen or in memory. */
  reset = (): void => {
    this.forgetPatient();
    this.forms.reset();
    this.survey.reset();
    this.questions.reset();
    this.clearErrors();
    this.delivery.reset();
    this.identify.reset();
    this.prefs.reset();
    this.go('welcome');
  };

  /** Every ending (ticket, urgent, survey answered) and the reset: what the screen still shows is not theirs. */
  forgetPatient(): void {
    this.patient.forget();
    this.questions.forget();
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
        return pend(command, (r) => this.survey.done(r));
      case 'CheckInPatient':
      case 'RegisterWalkIn':
        return pend(command, (r) => {
          if (refused(r)) return;
          this.forms.afterCheckIn(r);
          this.announce(sent);
        });
      case 'CompleteCheckIn':
        return pend(command, (r) => {
          if (refused(r)) return;
          this.forms.showTicket(r.result);
          this.announce(sent);
        });
      case 'SubmitQuestionnaire':
        return pend(command, (r) => {
          if (refused(r)) return;
          if (r.result.urgent) this.forms.urgent();
          else this.go('sent');
        });
      default:
        return pend(command, (r) => {
          if (!refused(r)) this.go('sent');
        });
    }
  }

  /** "Step 2 of 3" (or "Question 1 of 4") for the identify steps and the questions. */
  readonly progress = $derived.by((): string | null => {
    const t = this.t;
    const { position, visible } = this.questions;
    if (this.step === 'question' && position >= 0) return t.questionOf(position + 1, visible.length);
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
    )[this.identify.mode];
    const n = steps[this.step];
    return n ? t.stepOf(n, total) : null;
  });
}
