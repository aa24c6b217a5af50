/** Every string the wallboard shows. Add a language by adding a catalog with the same keys. */
export const en = {
  nowCalling: 'Now calling',
  nobodyCalled: 'Please wait to be called',
  goTo: (room: string) => `Room ${room}`,
  waiting: 'Waiting',
  nobodyWaiting: 'No one is waiting',
  about: (minutes: number) => (minutes > 0 ? `about ${minutes} min` : 'soon'),
  more: (n: number) => `+ ${n} more`,
  recentlyCalled: 'Recently called',
  rooms: 'Rooms',
  connecting: 'Connecting to the clinic…',
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
