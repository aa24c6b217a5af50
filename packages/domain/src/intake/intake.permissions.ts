import { staffRoles, type ActorClass } from '../shared/actor';

/** The patient's own intake, at the kiosk or with help at the desk. */
const intake: readonly ActorClass[] = ['kiosk', 'front_desk', 'coordinator', 'nurse', 'admin', 'system'];

export const intakePermissions = {
  FindAppointment: ['kiosk', 'system'],
  RegisterWalkIn: intake,
  SubmitQuestionnaire: intake,
  SignConsent: intake,
  UpdateContactDetails: intake,
  CompleteCheckIn: intake,
  SubmitSurvey: intake,
  AcknowledgeAlert: staffRoles,
} as const satisfies Record<string, readonly ActorClass[]>;
