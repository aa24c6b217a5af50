import {
  roomActionsFrom,
  visitActionsFrom,
  type CommandName,
  type RoomAction,
  type RoomStatus,
  type VisitAction,
  type VisitStatus,
} from '@clinicflow/domain';
import {
  roomCommandActions,
  visitCommandActions,
  type RoomCommandType,
  type VisitCommandType,
} from '@clinicflow/contracts';
import type { messages } from './messages';

type Label = keyof typeof messages.actions;
type May = (command: CommandName) => boolean;

export type RowAction = {
  command: VisitCommandType;
  label: Label;
  testId: string;
  primary: boolean;
  /** Rarely needed: behind the row's "More" button, so the usual next step stays in reach. */
  more: boolean;
};
export type RoomButton = { command: RoomCommandType; label: Label; testId: string; primary: boolean };

const invert = <K extends string, V extends string>(map: Record<K, V>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Partial<Record<V, K>>;
const visitCommandFor = invert<VisitCommandType, VisitAction>(visitCommandActions);
const roomCommandFor = invert<RoomCommandType, RoomAction>(roomCommandActions);

// Presentation only: which actions the domain allows comes from visitActionsFrom(); this says how each looks.
// The order here is the order on screen.
const visitLook: Record<VisitCommandType, { label: Label; testId: string; more?: true }> = {
  MarkPatientInRoom: { label: 'inRoom', testId: 'action-in-room' },
  StartConsultation: { label: 'providerIn', testId: 'action-provider-in' },
  CheckOutPatient: { label: 'checkOut', testId: 'action-check-out' },
  SendToWaitingRoom: { label: 'sendToWaiting', testId: 'action-queue' },
  ReturnPatientToWaiting: { label: 'backToWaiting', testId: 'action-back-to-waiting' },
  MarkNoShow: { label: 'noShow', testId: 'action-no-show' },
  CancelVisit: { label: 'cancelVisit', testId: 'action-cancel', more: true },
  MarkLeftWithoutBeingSeen: { label: 'leftUnseen', testId: 'action-left-unseen', more: true },
};
const visitOrder = Object.keys(visitLook) as VisitCommandType[];
/** The usual next step in each status, drawn as the primary button. */
const primaryIn: Partial<Record<VisitStatus, VisitCommandType>> = {
  called: 'MarkPatientInRoom',
  in_room: 'StartConsultation',
  with_provider: 'CheckOutPatient',
};

const roomLook: Record<RoomCommandType, { label: Label; testId: string; primary?: true }> = {
  MarkRoomCleaned: { label: 'markCleaned', testId: 'room-action-cleaned', primary: true },
  TakeRoomOutOfService: { label: 'outOfService', testId: 'room-action-out' },
  ReturnRoomToService: { label: 'returnToService', testId: 'room-action-return' },
};

/**
 * What a flow-board row offers for a visit in `status` to someone who may run the commands `may` allows: the
 * domain's actions from that status, each through its command. `call` opens the room picker; `checkIn` is not
 * a console button (NOTE: checking in starts the patient's intake, which runs at the kiosk).
 */
export function rowActionsFor(status: VisitStatus, may: May): { call: boolean; actions: RowAction[] } {
  const allowed = visitActionsFrom(status);
  const actions = allowed
    .flatMap((action) => visitCommandFor[action] ?? [])
    .filter((command) => may(command))
    .sort((a, b) => visitOrder.indexOf(a) - visitOrder.indexOf(b))
    .map((command) => ({
      command,
      label: visitLook[command].label,
      testId: visitLook[command].testId,
      primary: primaryIn[status] === command,
      more: visitLook[command].more ?? false,
    }))
    .sort((a, b) => Number(b.primary) - Number(a.primary));
  return { call: allowed.includes('call') && may('CallPatient'), actions };
}

/** The hand-made room changes the domain allows from `status`, as the rooms panel's buttons. */
export function roomButtonsFor(status: RoomStatus, may: May): RoomButton[] {
  return roomActionsFrom(status)
    .flatMap((action) => roomCommandFor[action] ?? [])
    .filter((command) => may(command))
    .map((command) => ({ command, ...roomLook[command], primary: roomLook[command].primary ?? false }));
}
