import type { FindAppointmentResult, Intake } from '@clinicflow/contracts';
import type { AnswerErrorCode, Questionnaire, Signature } from '@clinicflow/domain';
import { emptyContact, type ContactDraft, type DateDraft, type Drafts } from '$lib/intake';

export type Match = Extract<FindAppointmentResult, { ok: true }>['match'];

/** Everything the patient typed, drew, or the server told about them: forgetting them is one assignment. */
export type PatientRecord = {
  lastName: string;
  firstName: string;
  code: string;
  dob: DateDraft;
  phone: string;
  contact: ContactDraft;
  drafts: Record<string, Drafts>;
  signerName: string;
  signature: Signature;
  match: Match | null;
  visitId: string | null;
  intake: Intake | null;
  survey: Questionnaire | null;
  answerErrors: Record<string, Record<string, AnswerErrorCode>>;
};

const emptySignature = (): Signature => ({ width: 1, height: 1, strokes: [] });

const blankPatient = (): PatientRecord => ({
  lastName: '',
  firstName: '',
  code: '',
  dob: { day: '', month: '', year: '' },
  phone: '',
  contact: emptyContact(),
  drafts: {},
  signerName: '',
  signature: emptySignature(),
  match: null,
  visitId: null,
  intake: null,
  survey: null,
  answerErrors: {},
});

/** The patient at the kiosk now: one record, so nothing of theirs can be missed when it is forgotten. */
export class Patient {
  #record = $state<PatientRecord>(blankPatient());

  /** Forgets everything the patient typed or the server told about them. */
  forget(): void {
    this.#record = blankPatient();
  }
  /** Whether anything of a patient is still held (tests: every ending must leave this false). */
  get holdsData(): boolean {
    return JSON.stringify(this.#record) !== JSON.stringify(blankPatient());
  }

  // What the patient types: bound directly by the step components.
  get lastName() {
    return this.#record.lastName;
  }
  set lastName(v: string) {
    this.#record.lastName = v;
  }
  get firstName() {
    return this.#record.firstName;
  }
  set firstName(v: string) {
    this.#record.firstName = v;
  }
  get code() {
    return this.#record.code;
  }
  set code(v: string) {
    this.#record.code = v;
  }
  get dob() {
    return this.#record.dob;
  }
  set dob(v: DateDraft) {
    this.#record.dob = v;
  }
  get phone() {
    return this.#record.phone;
  }
  set phone(v: string) {
    this.#record.phone = v;
  }
  get contact() {
    return this.#record.contact;
  }
  set contact(v: ContactDraft) {
    this.#record.contact = v;
  }
  get drafts() {
    return this.#record.drafts;
  }
  set drafts(v: Record<string, Drafts>) {
    this.#record.drafts = v;
  }
  get signerName() {
    return this.#record.signerName;
  }
  set signerName(v: string) {
    this.#record.signerName = v;
  }
  get signature() {
    return this.#record.signature;
  }
  set signature(v: Signature) {
    this.#record.signature = v;
  }

  // What the server told about them: set by the flow's steps, read by the screens.
  get match(): Match | null {
    return this.#record.match;
  }
  set match(v: Match | null) {
    this.#record.match = v;
  }
  get visitId(): string | null {
    return this.#record.visitId;
  }
  set visitId(v: string | null) {
    this.#record.visitId = v;
  }
  get intake(): Intake | null {
    return this.#record.intake;
  }
  set intake(v: Intake | null) {
    this.#record.intake = v;
  }
  /** The satisfaction survey being answered (after check-out); asked like the intake questions. */
  get survey(): Questionnaire | null {
    return this.#record.survey;
  }
  set survey(v: Questionnaire | null) {
    this.#record.survey = v;
  }
  get answerErrors(): Record<string, Record<string, AnswerErrorCode>> {
    return this.#record.answerErrors;
  }
  set answerErrors(v: Record<string, Record<string, AnswerErrorCode>>) {
    this.#record.answerErrors = v;
  }
}
