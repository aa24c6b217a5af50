import type {
  Answers,
  ConsentDocument,
  Language,
  PaperSize,
  Questionnaire,
  Signature,
  VisitStatus,
} from '@clinicflow/domain';

/**
 * What each document is drawn from: plain data (structured-cloneable, so it crosses to a worker thread), read
 * by the server and nothing else: a renderer does no I/O and reads no clock.
 */
export type DocumentFrameInput = {
  clinic: { name: string; timezone: string; language: Language; paperSize: PaperSize };
  documentId: string;
  /** ISO instant; printed in the clinic's time zone. */
  generatedAt: string;
  /** Who asked for it, as the footer names them. */
  generatedBy: string;
};

export type PatientIdentifiers = { id: string; firstName: string; lastName: string; dateOfBirth: string };

export type VisitFacts = {
  id: string;
  day: string;
  ticketCode: string | null;
  reason: string | null;
  scheduledAt: string | null;
  status: VisitStatus;
};

export type IntakeFormInput = DocumentFrameInput & {
  type: 'intake_form';
  patient: PatientIdentifiers & {
    phone: string | null;
    address: string | null;
    emergencyContactName: string | null;
    emergencyContactPhone: string | null;
    insuranceProvider: string | null;
    insuranceMemberId: string | null;
  };
  visit: VisitFacts;
  responses: { questionnaire: Questionnaire; answers: Answers; language: Language; submittedAt: string }[];
  consents: {
    document: ConsentDocument;
    language: Language;
    signerName: string;
    signedAt: string;
    signature: Signature;
  }[];
};

export type VisitSummaryInput = DocumentFrameInput & {
  type: 'visit_summary';
  patient: PatientIdentifiers;
  visit: VisitFacts & {
    room: string | null;
    provider: string | null;
    times: Partial<Record<VisitStatus, string>>;
  };
};

export type DocumentInput = IntakeFormInput | VisitSummaryInput;
