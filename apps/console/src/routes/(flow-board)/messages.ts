/** The flow board's strings. Add a language by adding a catalog with the same keys. */
export const en = {
  title: 'Flow board',
  columns: {
    ticket: 'Ticket',
    patient: 'Patient',
    dob: 'Date of birth',
    scheduled: 'Time',
    provider: 'Provider',
    status: 'Status',
    room: 'Room',
    inStatus: 'In status',
    actions: 'Actions',
  },
  noVisits: 'No visits today.',
  alerts: {
    title: 'Urgent — needs a clinician now',
    body: (who: string, findings: string) =>
      `${who} answered at the kiosk: ${findings}. They were sent to the desk.`,
    since: (minutes: string) => `raised ${minutes} ago`,
    take: "I'm on it",
    rowMarker: 'Urgent',
  },
  /** A repeated button's accessible name: its visible label, then whom it acts on ("Check out A-023"). */
  named: (action: string, target: string) => `${action} ${target}`,
  walkIn: 'Walk-in',
  late: 'Late',
  lateHint: 'Not here yet, past the grace period: call them, reschedule, or cancel with a reason.',
  rooms: 'Rooms',
  occupant: (label: string) => `Occupied by ${label}`,
  actions: {
    call: 'Call to room',
    callTo: 'Call',
    chooseRoom: 'Room',
    noFreeRoom: 'No free room',
    cancel: 'Cancel',
    more: 'More',
    less: 'Back',
    inRoom: 'In room',
    backToWaiting: 'Back to waiting',
    providerIn: 'Provider in',
    checkOut: 'Check out',
    noShow: 'No-show',
    sendToWaiting: 'Send to waiting room',
    cancelVisit: 'Cancel visit',
    leftUnseen: 'Left without being seen',
    markCleaned: 'Mark cleaned',
    outOfService: 'Out of service',
    returnToService: 'Return to service',
  },
  done: {
    CallPatient: (who: string, room: string) => `${who} called to ${room}`,
    MarkPatientInRoom: (who: string) => `${who} is in the room`,
    ReturnPatientToWaiting: (who: string) => `${who} is back in the waiting room`,
    StartConsultation: (who: string) => `${who} is with the provider`,
    CheckOutPatient: (who: string) => `${who} checked out`,
    MarkNoShow: (who: string) => `${who} marked as no-show`,
    SendToWaitingRoom: (who: string) => `${who} is in the waiting room queue`,
    CancelVisit: (who: string) => `${who}'s visit is cancelled`,
    MarkLeftWithoutBeingSeen: (who: string) => `${who} left without being seen`,
    AcknowledgeAlert: (who: string) => `You are handling ${who}`,
    MarkRoomCleaned: (room: string) => `${room} is available`,
    TakeRoomOutOfService: (room: string) => `${room} is out of service`,
    ReturnRoomToService: (room: string) => `${room} is back in service`,
  },
  refused: {
    freeRooms: (rooms: string) => `Free rooms: ${rooms}.`,
    noFreeRooms: 'No room is free right now.',
  },
  duration: (minutes: number) =>
    minutes < 60
      ? `${minutes} min`
      : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`,
  connection: {
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Not live',
    notLiveSince: (time: string) => `Not live since ${time}`,
  },
} as const;

export const messages = en;
