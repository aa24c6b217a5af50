import type { HandlerMap } from '../../platform/handler';
import {
  acknowledgeAlert,
  completeCheckIn,
  registerWalkIn,
  signConsent,
  submitQuestionnaire,
  submitSurvey,
  updateContactDetails,
} from './intake.handlers';

export const intakeHandlers = {
  RegisterWalkIn: registerWalkIn,
  SubmitQuestionnaire: submitQuestionnaire,
  SignConsent: signConsent,
  UpdateContactDetails: updateContactDetails,
  CompleteCheckIn: completeCheckIn,
  SubmitSurvey: submitSurvey,
  AcknowledgeAlert: acknowledgeAlert,
} satisfies Partial<HandlerMap>;
