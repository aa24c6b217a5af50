/**
 * The few FHIR R4 shapes Clinicflow emits, written out here because the domain imports no library.
 * Only the elements we fill are declared; the tests validate the output against the R4 definitions.
 */

export type Reference = { reference: string; display?: string };
export type Coding = { system?: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type FhirPeriod = { start?: string; end?: string };
export type Identifier = { use?: 'usual' | 'official' | 'secondary'; system: string; value: string };
export type Extension = { url: string; valueInteger?: number; valueDecimal?: number };

export type FhirEncounterStatus =
  | 'planned'
  | 'arrived'
  | 'triaged'
  | 'in-progress'
  | 'onleave'
  | 'finished'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

export type FhirEncounter = {
  resourceType: 'Encounter';
  id: string;
  identifier?: Identifier[];
  status: FhirEncounterStatus;
  statusHistory?: { status: FhirEncounterStatus; period: FhirPeriod }[];
  class: Coding;
  subject: Reference;
  participant?: { type: CodeableConcept[]; individual: Reference }[];
  appointment?: Reference[];
  period?: FhirPeriod;
  reasonCode?: CodeableConcept[];
  location?: { location: Reference; status?: 'planned' | 'active' | 'reserved' | 'completed' }[];
};

export type FhirAppointmentStatus =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export type FhirAppointment = {
  resourceType: 'Appointment';
  id: string;
  identifier?: Identifier[];
  status: FhirAppointmentStatus;
  cancelationReason?: CodeableConcept;
  appointmentType?: CodeableConcept;
  description?: string;
  start: string;
  end: string;
  minutesDuration: number;
  participant: {
    type?: CodeableConcept[];
    actor: Reference;
    required: 'required' | 'optional' | 'information-only';
    status: 'accepted' | 'declined' | 'tentative' | 'needs-action';
  }[];
};

export type FhirPatient = {
  resourceType: 'Patient';
  id: string;
  identifier: Identifier[];
  name: { use: 'official'; text: string; family: string; given: string[] }[];
  birthDate: string;
  telecom?: { system: 'phone'; value: string }[];
  address?: { text: string }[];
  contact?: {
    relationship: CodeableConcept[];
    name: { text: string };
    telecom?: { system: 'phone'; value: string }[];
  }[];
  communication?: { language: CodeableConcept; preferred: boolean }[];
};

export type QuestionnaireItemType = 'boolean' | 'decimal' | 'integer' | 'date' | 'string' | 'choice';

/** A typed answer (or enableWhen value): exactly one `value[x]`. */
export type AnswerOf<P extends string> =
  | { [K in `${P}Boolean`]: boolean }
  | { [K in `${P}Decimal`]: number }
  | { [K in `${P}Integer`]: number }
  | { [K in `${P}Date`]: string }
  | { [K in `${P}String`]: string }
  | { [K in `${P}Coding`]: Coding };

export type FhirQuestionnaireItem = {
  linkId: string;
  text: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  extension?: Extension[];
  answerOption?: { valueCoding: Coding }[];
  enableWhen?: ({ question: string; operator: '=' } & AnswerOf<'answer'>)[];
  enableBehavior?: 'all' | 'any';
};

export type FhirQuestionnaire = {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType: ['Patient'];
  item: FhirQuestionnaireItem[];
};

export type FhirQuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject: Reference;
  encounter: Reference;
  authored: string;
  item: { linkId: string; text: string; answer: AnswerOf<'value'>[] }[];
};

export type FhirBundle<R> = {
  resourceType: 'Bundle';
  type: 'searchset';
  timestamp: string;
  total: number;
  link: { relation: 'self'; url: string }[];
  entry: { fullUrl: string; resource: R; search: { mode: 'match' } }[];
};

export type IssueType = 'invalid' | 'not-found' | 'forbidden' | 'login' | 'exception';

export type FhirOperationOutcome = {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error'; code: IssueType; diagnostics: string }[];
};
