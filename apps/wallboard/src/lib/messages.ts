/** Every string the wallboard shows. Add a language by adding a catalog with the same keys. */
export const en = {
  nowCalling: 'Now calling',
  nobodyCalled: 'Please wait to be called',
  goTo: (room: string) => `Room ${room}`,
  waiting: 'Waiting',
  nobodyWaiting: 'No one is waiting',
  about: (minutes: number) => (minutes > 0 ? `about ${minutes} min` : 'soon'),
  recentlyCalled: 'Recently called',
  nobodyRecent: 'No calls yet',
  rooms: 'Rooms',
  noRooms: 'No rooms to show',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  overLimit: (limit: number) => `over ${limit} min`,
  staleNotice: 'The information below may be out of date.',
  /** Spoken, so a ticket is spelled out by the caller: "Ticket A 0 2 3, please go to Room 3." */
  announce: (who: string, isTicket: boolean, room: string) =>
    `${isTicket ? `Ticket ${who}` : who}, please go to ${room}.`,
  connecting: 'Connecting to the clinic…',
  duration: (minutes: number) =>
    minutes < 60
      ? `${minutes} min`
      : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`,
  pairing: {
    title: 'Set up this display',
    instructions: 'An administrator enters this code in Clinicflow\u00a0Console\u00a0→\u00a0Devices',
    waiting: 'Getting a code…',
    expiresIn: (minutes: number) =>
      minutes < 1
        ? 'A new code appears in less than a minute.'
        : `This code changes in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    offline: 'Cannot reach the Clinicflow server. Trying again…',
    rateLimited: 'Too many codes were asked for. A new one will appear shortly.',
    wrongTypeTitle: 'This screen is set up as a check-in kiosk',
    wrongType: (name: string) =>
      `It was paired as “${name}”. To use it as a display, an administrator removes it in Clinicflow\u00a0Console\u00a0→\u00a0Devices; it then shows a new code.`,
  },
  connection: {
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Not live',
    notLiveSince: (time: string) => `Not live since ${time}`,
  },
} as const;

export const messages = en;
