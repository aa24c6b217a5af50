/**
 * The strings the whole console shares (shell, sign-in, refusals). Each page keeps its own beside it
 * (routes/<page>/messages.ts). Add a language by adding a catalog with the same keys.
 */
export const en = {
  connecting: 'Connecting to the clinic…',
  dismiss: 'Dismiss',
  refused: {
    STALE_VERSION:
      'Someone else changed this a moment ago. The board now shows the latest; try again if still needed.',
    offline: 'Not sent: there is no connection to the server. Try again when the board is live.',
    waiting: 'Not sent yet: the board is not live. It will be sent as soon as it is live again.',
  },
  notLive: 'Not live: the list may be out of date.',
  roles: {
    admin: 'Administrator',
    coordinator: 'Coordinator',
    front_desk: 'Front desk',
    nurse: 'Nurse',
    physician: 'Physician',
  },
  app: 'Clinicflow console',
  loading: 'Loading…',
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Console pages',
    flowBoard: 'Flow board',
    schedule: 'Schedule',
    roster: 'Roster',
    tasks: 'Tasks',
    staff: 'Staff',
    devices: 'Devices',
    audit: 'Audit log',
    displays: 'Displays',
  },
  user: {
    signOut: 'Sign out',
    menu: 'More account actions',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereHint: 'Ends your sessions on every computer',
    signedInAs: (name: string, role: string) => `Signed in as ${name}, ${role}`,
  },
  login: {
    title: 'Sign in',
    lead: 'Use your own staff account. Never share it.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errorTitle: 'There is a problem',
    missingUsername: 'Enter your username',
    missingPassword: 'Enter your password',
  },
  signedOut: {
    idle: (minutes: string) => `You were signed out after ${minutes} without activity.`,
    expired: 'Your session reached its time limit. Sign in again to continue.',
    signed_out: 'You were signed out.',
    revoked: 'Your session was ended because you or an administrator signed you out everywhere.',
    disabled: 'Your account has been disabled. Ask an administrator if you need access.',
    unknown: 'Your session has ended. Sign in again to continue.',
    byUser: 'You have signed out.',
    everywhere: 'You have signed out on every computer.',
    dataCleared: 'Patient information was cleared from this screen.',
  },
  idle: {
    title: 'Are you still there?',
    body: (time: string) => `You will be signed out in ${time} for inactivity`,
    explain: 'Patient information is cleared from the screen when you are signed out.',
    stay: 'Stay signed in',
    signOut: 'Sign out',
  },
  minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  seconds: (n: number) => (n === 1 ? '1 second' : `${n} seconds`),
  network: 'Could not reach the server. Check the connection and try again.',
  notAllowed: {
    title: 'Not allowed',
    body: 'You are not allowed to see this page. Ask an administrator if you need it.',
    back: 'Back to the flow board',
  },
  relative: {
    never: 'Never',
    justNow: 'Just now',
  },
  errorSummary: 'There is a problem',
} as const;

export const messages = en;
