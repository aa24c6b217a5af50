import type { CommandName, ViewName } from '@clinicflow/domain';

/** Who may call a route: anyone, any signed-in staff member, a paired device, or per the permission tables. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'staff' }
  | { kind: 'device' }
  | { kind: 'view'; view: ViewName }
  | { kind: 'command'; command: CommandName }
  /** POST /api/commands: the permission of the command in the body. */
  | { kind: 'anyCommand' };

const fhirExport = { kind: 'view', view: 'fhirExport' } as const;

type Route = { method: 'GET' | 'POST' | 'PATCH'; path: string; access: RouteAccess };

/**
 * Every HTTP route: the server registers each with its access rule, clients build URLs from it, and the
 * authorization test walks it against every role and device type.
 */
export const apiRoutes = {
  health: { method: 'GET', path: '/healthz', access: { kind: 'public' } },
  login: { method: 'POST', path: '/api/auth/login', access: { kind: 'public' } },
  session: { method: 'GET', path: '/api/auth/session', access: { kind: 'staff' } },
  keepAlive: { method: 'POST', path: '/api/auth/keep-alive', access: { kind: 'staff' } },
  logout: { method: 'POST', path: '/api/auth/logout', access: { kind: 'staff' } },
  logoutEverywhere: { method: 'POST', path: '/api/auth/logout-everywhere', access: { kind: 'staff' } },
  commands: { method: 'POST', path: '/api/commands', access: { kind: 'anyCommand' } },
  findAppointment: {
    method: 'POST',
    path: '/api/kiosk/find-appointment',
    access: { kind: 'command', command: 'FindAppointment' },
  },
  listStaff: { method: 'GET', path: '/api/staff', access: { kind: 'view', view: 'staffAccounts' } },
  createStaff: {
    method: 'POST',
    path: '/api/staff',
    access: { kind: 'command', command: 'CreateStaffAccount' },
  },
  updateStaff: {
    method: 'PATCH',
    path: '/api/staff/:id',
    access: { kind: 'command', command: 'UpdateStaffAccount' },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/staff/:id/password',
    access: { kind: 'command', command: 'ResetStaffPassword' },
  },
  requestPairing: { method: 'POST', path: '/api/devices/pairing', access: { kind: 'public' } },
  deviceStatus: { method: 'GET', path: '/api/devices/me', access: { kind: 'device' } },
  listDevices: { method: 'GET', path: '/api/devices', access: { kind: 'view', view: 'devices' } },
  pairDevice: { method: 'POST', path: '/api/devices', access: { kind: 'command', command: 'PairDevice' } },
  updateDevice: {
    method: 'PATCH',
    path: '/api/devices/:id',
    access: { kind: 'command', command: 'UpdateDevice' },
  },
  revokeDevice: {
    method: 'POST',
    path: '/api/devices/:id/revoke',
    access: { kind: 'command', command: 'RevokeDevice' },
  },
  auditLog: { method: 'GET', path: '/api/audit', access: { kind: 'view', view: 'auditLog' } },
  verifyAudit: { method: 'GET', path: '/api/audit/verify', access: { kind: 'view', view: 'auditLog' } },
  demoPatients: { method: 'GET', path: '/api/demo/patients', access: { kind: 'view', view: 'flowBoard' } },
  schedule: { method: 'GET', path: '/api/schedule', access: { kind: 'view', view: 'schedule' } },
  series: { method: 'GET', path: '/api/series/:id', access: { kind: 'view', view: 'schedule' } },
  roster: { method: 'GET', path: '/api/roster', access: { kind: 'view', view: 'roster' } },
  tasks: { method: 'GET', path: '/api/tasks', access: { kind: 'view', view: 'tasks' } },
  reports: { method: 'GET', path: '/api/reports', access: { kind: 'view', view: 'reports' } },
  findSlot: { method: 'GET', path: '/api/schedule/find-slot', access: { kind: 'view', view: 'schedule' } },
  appointmentPlace: {
    method: 'GET',
    path: '/api/schedule/appointments/:id',
    access: { kind: 'view', view: 'schedule' },
  },
  searchPatients: {
    method: 'GET',
    path: '/api/patients',
    access: { kind: 'command', command: 'BookAppointment' },
  },
  fhirEncounter: { method: 'GET', path: '/api/fhir/Encounter/:id', access: fhirExport },
  fhirAppointment: { method: 'GET', path: '/api/fhir/Appointment/:id', access: fhirExport },
  fhirAppointmentSearch: { method: 'GET', path: '/api/fhir/Appointment', access: fhirExport },
  fhirPatient: { method: 'GET', path: '/api/fhir/Patient/:id', access: fhirExport },
  fhirQuestionnaireResponse: {
    method: 'GET',
    path: '/api/fhir/QuestionnaireResponse/:id',
    access: fhirExport,
  },
  fhirQuestionnaire: { method: 'GET', path: '/api/fhir/Questionnaire/:id', access: fhirExport },
  visitDocuments: {
    method: 'GET',
    path: '/api/visits/:id/documents',
    access: { kind: 'view', view: 'visitDocuments' },
  },
  generateDocument: {
    method: 'POST',
    path: '/api/visits/:id/documents',
    access: { kind: 'view', view: 'visitDocuments' },
  },
  documentPdf: {
    method: 'GET',
    path: '/api/documents/:id/pdf',
    access: { kind: 'view', view: 'visitDocuments' },
  },
  searchDocuments: {
    method: 'GET',
    path: '/api/documents',
    access: { kind: 'view', view: 'documentSearch' },
  },
} as const satisfies Record<string, Route>;
export type RouteName = keyof typeof apiRoutes;

/** Fills `:id`-style parameters of a route path. */
export function routePath(name: RouteName, params: Record<string, string> = {}): string {
  return apiRoutes[name].path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}
