import type { ActorClass } from '@clinicflow/domain';
import type { CommandType, RouteName, View } from '@clinicflow/contracts';

/*
 * Who may do what, written out by hand as a clinic manager would read it, and not computed from the code under
 * test: widening a permission in the code fails the security tests until this table says so too.
 * Columns: admin, coordinator, front desk, nurse, physician, kiosk, waiting-room display, room-status display.
 */
export const callerColumns = [
  'admin',
  'coordinator',
  'front_desk',
  'nurse',
  'physician',
  'kiosk',
  'waiting_room_display',
  'room_status_display',
] as const satisfies readonly ActorClass[];

// Y = may run it; . = refused.
//                             adm coo dsk nur phy ksk wrd rsd
// prettier-ignore
const commandTable: Record<CommandType, string> = {
  CheckInPatient:            ' Y   Y   Y   Y   .   Y   .   . ',
  CallPatient:               ' Y   Y   Y   Y   Y   .   .   . ',
  ReturnPatientToWaiting:    ' Y   Y   Y   Y   Y   .   .   . ',
  MarkPatientInRoom:         ' Y   Y   Y   Y   Y   .   .   . ',
  StartConsultation:         ' Y   Y   .   Y   Y   .   .   . ',
  CheckOutPatient:           ' Y   Y   Y   Y   Y   .   .   . ',
  MarkNoShow:                ' Y   Y   Y   .   .   .   .   . ',
  CancelVisit:               ' Y   Y   Y   .   .   .   .   . ',
  MarkLeftWithoutBeingSeen:  ' Y   Y   Y   Y   .   .   .   . ',
  SendToWaitingRoom:         ' Y   Y   Y   Y   .   Y   .   . ',
  MarkRoomCleaned:           ' Y   Y   Y   Y   Y   .   .   . ',
  TakeRoomOutOfService:      ' Y   Y   Y   Y   Y   .   .   . ',
  ReturnRoomToService:       ' Y   Y   Y   Y   Y   .   .   . ',
  RegisterWalkIn:            ' Y   Y   Y   Y   .   Y   .   . ',
  SubmitQuestionnaire:       ' Y   Y   Y   Y   .   Y   .   . ',
  SignConsent:               ' Y   Y   Y   Y   .   Y   .   . ',
  UpdateContactDetails:      ' Y   Y   Y   Y   .   Y   .   . ',
  CompleteCheckIn:           ' Y   Y   Y   Y   .   Y   .   . ',
  SubmitSurvey:              ' Y   Y   Y   Y   .   Y   .   . ',
  AcknowledgeAlert:          ' Y   Y   Y   Y   Y   .   .   . ',
  AnnounceDelay:             ' Y   Y   Y   Y   Y   .   .   . ',
  BookAppointment:           ' Y   Y   Y   .   .   .   .   . ',
  MoveAppointment:           ' Y   Y   Y   .   .   .   .   . ',
  CancelAppointment:         ' Y   Y   Y   .   .   .   .   . ',
  BookSeries:                ' Y   Y   Y   .   .   .   .   . ',
  EditSeries:                ' Y   Y   Y   .   .   .   .   . ',
  CancelSeries:              ' Y   Y   Y   .   .   .   .   . ',
  OverbookAppointment:       ' Y   .   .   .   .   .   .   . ',
  CreateAppointmentType:     ' Y   .   .   .   .   .   .   . ',
  UpdateAppointmentType:     ' Y   .   .   .   .   .   .   . ',
  RetireAppointmentType:     ' Y   .   .   .   .   .   .   . ',
  SetSchedulingRules:        ' Y   .   .   .   .   .   .   . ',
  BlockRoom:                 ' Y   Y   Y   .   .   .   .   . ',
  UnblockRoom:               ' Y   Y   Y   .   .   .   .   . ',
  HoldSlot:                  ' Y   Y   Y   .   .   .   .   . ',
  ReleaseHold:               ' Y   Y   Y   .   .   .   .   . ',
  ReleaseExpiredHolds:       ' .   .   .   .   .   .   .   . ',
  FlagLateArrivals:          ' .   .   .   .   .   .   .   . ',
  UpdateDisplaySettings:     ' Y   Y   .   .   .   .   .   . ',
  UpdateFlowSettings:        ' Y   Y   .   .   .   .   .   . ',
  FlagNoShows:               ' .   .   .   .   .   .   .   . ',
  FlagUnfinishedCheckIns:    ' .   .   .   .   .   .   .   . ',
  SetEquipmentStatus:        ' Y   Y   Y   Y   Y   .   .   . ',
  CreateStaffAccount:        ' Y   .   .   .   .   .   .   . ',
  UpdateStaffAccount:        ' Y   .   .   .   .   .   .   . ',
  ResetStaffPassword:        ' Y   .   .   .   .   .   .   . ',
  PairDevice:                ' Y   .   .   .   .   .   .   . ',
  UpdateDevice:              ' Y   .   .   .   .   .   .   . ',
  RevokeDevice:              ' Y   .   .   .   .   .   .   . ',
  SetWorkingPattern:         ' Y   Y   .   .   .   .   .   . ',
  AddRosterException:        ' Y   Y   .   .   .   .   .   . ',
  RemoveRosterException:     ' Y   Y   .   .   .   .   .   . ',
  AssignShift:               ' Y   Y   .   .   .   .   .   . ',
  RemoveShift:               ' Y   Y   .   .   .   .   .   . ',
  CreateDutyTask:            ' Y   Y   Y   Y   Y   .   .   . ',
  CompleteDutyTask:          ' Y   Y   Y   Y   Y   .   .   . ',
  ReopenDutyTask:            ' Y   Y   Y   Y   Y   .   .   . ',
  UpdateDutyTask:            ' Y   Y   Y   Y   Y   .   .   . ',
};

// ok = answered (not 401/403); 401 = sign in first; 403 = refused; the first column is a caller with no credentials.
//                            anon  adm  coo  dsk  nur  phy  ksk  wrd  rsd
// prettier-ignore
const routeTable: Record<RouteName, string> = {
  health:                    ' ok   ok   ok   ok   ok   ok   ok   ok   ok ',
  login:                     ' ok   ok   ok   ok   ok   ok   ok   ok   ok ',
  session:                   '401   ok   ok   ok   ok   ok  403  403  403 ',
  keepAlive:                 '401   ok   ok   ok   ok   ok  403  403  403 ',
  logout:                    '401   ok   ok   ok   ok   ok  403  403  403 ',
  logoutEverywhere:          '401   ok   ok   ok   ok   ok  403  403  403 ',
  commands:                  '401   ok   ok   ok   ok   ok   ok   ok   ok ',
  findAppointment:           '401  403  403  403  403  403   ok  403  403 ',
  listStaff:                 '401   ok  403  403  403  403  403  403  403 ',
  createStaff:               '401   ok  403  403  403  403  403  403  403 ',
  updateStaff:               '401   ok  403  403  403  403  403  403  403 ',
  resetPassword:             '401   ok  403  403  403  403  403  403  403 ',
  requestPairing:            ' ok   ok   ok   ok   ok   ok   ok   ok   ok ',
  deviceStatus:              '401  401  401  401  401  401   ok   ok   ok ',
  listDevices:               '401   ok  403  403  403  403  403  403  403 ',
  pairDevice:                '401   ok  403  403  403  403  403  403  403 ',
  updateDevice:              '401   ok  403  403  403  403  403  403  403 ',
  revokeDevice:              '401   ok  403  403  403  403  403  403  403 ',
  auditLog:                  '401   ok  403  403  403  403  403  403  403 ',
  verifyAudit:               '401   ok  403  403  403  403  403  403  403 ',
  demoPatients:              '401   ok   ok   ok   ok   ok  403  403  403 ',
  schedule:                  '401   ok   ok   ok   ok   ok  403  403  403 ',
  series:                    '401   ok   ok   ok   ok   ok  403  403  403 ',
  findSlot:                  '401   ok   ok   ok   ok   ok  403  403  403 ',
  appointmentPlace:          '401   ok   ok   ok   ok   ok  403  403  403 ',
  searchPatients:            '401   ok   ok   ok  403  403  403  403  403 ',
  roster:                    '401   ok   ok   ok   ok   ok  403  403  403 ',
  tasks:                     '401   ok   ok   ok   ok   ok  403  403  403 ',
  // FHIR export: clinical staff, coordinators and admins; the front desk books, it does not export records.
  fhirEncounter:             '401   ok   ok  403   ok   ok  403  403  403 ',
  fhirAppointment:           '401   ok   ok  403   ok   ok  403  403  403 ',
  fhirAppointmentSearch:     '401   ok   ok  403   ok   ok  403  403  403 ',
  fhirPatient:               '401   ok   ok  403   ok   ok  403  403  403 ',
  fhirQuestionnaireResponse: '401   ok   ok  403   ok   ok  403  403  403 ',
  fhirQuestionnaire:         '401   ok   ok  403   ok   ok  403  403  403 ',
  reports:                   '401   ok   ok  403  403  403  403  403  403 ',
  visitDocuments:            '401   ok   ok   ok   ok   ok  403  403  403 ',
  generateDocument:          '401   ok   ok   ok   ok   ok  403  403  403 ',
  documentPdf:               '401   ok   ok   ok   ok   ok  403  403  403 ',
  searchDocuments:           '401   ok   ok   ok  403  403  403  403  403 ',
};

// Which live screen each caller may open over the socket.  Y = opens; . = refused (FORBIDDEN).
//                             adm coo dsk nur phy ksk wrd rsd
// prettier-ignore
const viewTable: Record<View, string> = {
  flowBoard:                 ' Y   Y   Y   Y   Y   .   .   . ',
  displayBoard:              ' .   .   .   .   .   .   Y   Y ',
  kiosk:                     ' .   .   .   .   .   Y   .   . ',
};

const cells = (row: string) => row.trim().split(/\s+/);

export function mayOpenExpected(view: View, caller: (typeof callerColumns)[number]): boolean {
  return cells(viewTable[view])[callerColumns.indexOf(caller)] === 'Y';
}

export function mayRunExpected(command: CommandType, caller: (typeof callerColumns)[number]): boolean {
  return cells(commandTable[command])[callerColumns.indexOf(caller)] === 'Y';
}

export function routeExpected(
  route: RouteName,
  caller: (typeof callerColumns)[number] | 'anonymous',
): 'ok' | 401 | 403 {
  const cell = cells(routeTable[route])[caller === 'anonymous' ? 0 : callerColumns.indexOf(caller) + 1];
  return cell === 'ok' ? 'ok' : (Number(cell) as 401 | 403);
}

export const tabledCommands = Object.keys(commandTable) as CommandType[];
export const tabledRoutes = Object.keys(routeTable) as RouteName[];
