import { appointmentCodeLength, normalizeAppointmentCode } from '@clinicflow/contracts';
import type { ReasonCategory } from '@clinicflow/domain';
import type { Messages } from '$lib/messages';
import { clinicToday, parseDateOfBirth } from '$lib/date-of-birth';
import { isPhone } from '$lib/intake';
import type { CheckInFlow } from './check-in-flow.svelte';
import type { Patient } from './patient.svelte';
import type { FieldError, Step, Text } from './screen.svelte';

/** How the patient started: checking in, as a walk-in, or to tell us about a visit that is over. */
export type Mode = 'appointment' | 'walkin' | 'survey';

/**
 * Who the patient is: an appointment found by last name and date of birth or by its code (then confirmed),
 * or a walk-in registered with name, date of birth, phone and reason.
 */
export class Identify {
  readonly #flow: CheckInFlow;
  readonly #patient: Patient;
  #mode = $state<Mode>('appointment');

  constructor(flow: CheckInFlow) {
    this.#flow = flow;
    this.#patient = flow.patient;
  }

  get mode(): Mode {
    return this.#mode;
  }
  reset(): void {
    this.#mode = 'appointment';
  }

  startCheckIn = (): void => {
    this.#mode = 'appointment';
    this.#flow.back('name');
  };
  startSurveyLookUp = (): void => {
    this.#mode = 'survey';
    this.#flow.back('name');
  };
  startWalkIn = (): void => {
    this.#mode = 'walkin';
    this.#flow.back('walkin-name');
  };

  submitName = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.clearErrors();
    if (!this.#patient.lastName.trim()) {
      this.#flow.showErrors([{ field: 'last-name', text: (m) => m.errors.lastNameEmpty }]);
      return;
    }
    this.#flow.go('dob');
  };

  submitWalkInName = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.clearErrors();
    const list: FieldError[] = [];
    if (!this.#patient.firstName.trim())
      list.push({ field: 'first-name', text: (m) => m.errors.firstNameEmpty });
    if (!this.#patient.lastName.trim())
      list.push({ field: 'last-name', text: (m) => m.errors.lastNameEmpty });
    if (list.length) return this.#flow.showErrors(list);
    this.#flow.go('dob');
  };

  submitCode = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#flow.busy) return;
    this.#flow.clearErrors();
    const normalized = normalizeAppointmentCode(this.#patient.code);
    if (normalized.length !== appointmentCodeLength) {
      this.#flow.showErrors([{ field: 'appointment-code', text: (m) => m.errors.codeInvalid }]);
      return;
    }
    await this.#lookUp({ code: normalized });
  };

  #checkedDob(): string | null {
    const parsed = parseDateOfBirth({
      ...this.#patient.dob,
      today: clinicToday(this.#flow.rt.now(), this.#flow.timeZone),
    });
    if (parsed.ok) return parsed.iso;
    const first = this.#flow.t.dobOrder.find((f) => parsed.fields.includes(f)) ?? 'day';
    this.#flow.showErrors(
      parsed.fields.map((f) => ({ field: `dob-${f}`, text: (m: Messages) => m.errors[parsed.error] })),
      `dob-${first}`,
    );
    return null;
  }

  submitDob = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#flow.busy) return;
    this.#flow.clearErrors();
    const iso = this.#checkedDob();
    if (!iso) return;
    if (this.#mode === 'walkin') {
      this.#flow.go('walkin-phone');
      return;
    }
    await this.#lookUp({ lastName: this.#patient.lastName.trim(), dateOfBirth: iso });
  };

  async #lookUp(query: { lastName: string; dateOfBirth: string } | { code: string }): Promise<void> {
    const result = await this.#flow.delivery.asking(() => this.#flow.rt.findAppointment(query));
    if (result.ok) {
      this.#patient.match = result.match;
      if (result.match.status === 'checked_out' && result.match.survey) {
        // Came to tell us about the visit: straight to the questions; otherwise asked first.
        if (this.#mode === 'survey') this.#flow.survey.start();
        else this.#flow.go('survey-offer');
        return;
      }
      this.#flow.go('confirm');
      return;
    }
    if (result.code === 'AMBIGUOUS') {
      this.#flow.desk((m) => m.errors.ambiguous);
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
    this.#flow.problem = byCode[result.code] ?? ((m) => m.errors.askAtDesk);
  }

  confirm = (): void => {
    if (!this.#patient.match || this.#flow.busy) return;
    this.#flow.clearErrors();
    void this.#flow.delivery.dispatch({ type: 'CheckInPatient', visitId: this.#patient.match.visitId }, (r) =>
      this.#flow.forms.afterCheckIn(r),
    );
  };

  /** "That is not me": back to the name, forgetting the appointment found. */
  notMe = (): void => {
    this.#flow.clearErrors();
    this.#patient.match = null;
    this.#flow.go('name');
  };

  // ---- Walk-in ----

  submitPhone = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.clearErrors();
    if (!isPhone(this.#patient.phone)) {
      this.#flow.showErrors([{ field: 'walkin-phone', text: (m) => m.errors.phoneInvalid }]);
      return;
    }
    this.#flow.go('walkin-reason');
  };

  phoneKey = (k: string): void => {
    this.#patient.phone =
      k === 'delete' ? this.#patient.phone.slice(0, -1) : (this.#patient.phone + k).slice(0, 20);
  };

  register(reason: ReasonCategory): void {
    if (this.#flow.busy) return;
    this.#flow.clearErrors();
    const iso = parseDateOfBirth({
      ...this.#patient.dob,
      today: clinicToday(this.#flow.rt.now(), this.#flow.timeZone),
    });
    if (!iso.ok) {
      this.#flow.go('dob');
      return;
    }
    void this.#flow.delivery.dispatch(
      {
        type: 'RegisterWalkIn',
        firstName: this.#patient.firstName.trim(),
        lastName: this.#patient.lastName.trim(),
        dateOfBirth: iso.iso,
        phone: this.#patient.phone.trim(),
        reasonCategory: reason,
      },
      (result) => {
        if (!result.ok && result.code === 'VALIDATION') {
          const path = result.issues?.[0]?.path ?? '';
          const back: Step =
            path === 'phone' ? 'walkin-phone' : path === 'dateOfBirth' ? 'dob' : 'walkin-name';
          this.#flow.go(back);
          this.#flow.problem = (m) => m.errors.validation;
          return;
        }
        this.#flow.forms.afterCheckIn(result);
      },
    );
  }
}
