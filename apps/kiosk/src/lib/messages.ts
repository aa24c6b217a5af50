/** Every string the kiosk shows. Add a language by adding a catalog with the same keys. */
export const en = {
  appName: 'Check in',
  welcomeTitle: 'Welcome',
  welcomeBody: 'Touch the button to check in for your appointment today.',
  start: 'Check in',
  back: 'Back',
  continue: 'Continue',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  nameTitle: 'What is your last name?',
  nameHint: 'Your family name, as you gave it when you booked.',
  nameLabel: 'Last name',
  dobTitle: 'What is your date of birth?',
  dobHint: 'For example 27 3 1985',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  searching: 'Looking for your appointment…',
  searchingShort: 'Searching…',
  confirmTitle: 'Is this you?',
  appointmentAt: (time: string) => `Appointment at ${time}`,
  noAppointmentTime: 'Appointment today',
  confirmYes: 'Yes, check me in',
  confirmNo: 'No, that is not me',
  checkingIn: 'Checking you in…',
  ticketTitle: 'You are checked in',
  ticketLabel: 'Your number',
  ticketWhere:
    'Please take a seat in the waiting room. Your number will be shown on the screen when it is your turn.',
  waitAbout: (minutes: number) => `Estimated wait: about ${minutes} minutes`,
  waitSoon: 'You will be called soon.',
  done: 'Done',
  idleTitle: 'Are you still there?',
  idleBody: (seconds: number) =>
    `To protect your privacy, this screen will clear in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  idleStay: "I'm still here",
  errorSummaryTitle: 'There is a problem',
  errors: {
    lastNameEmpty: 'Enter your last name',
    dobEmpty: 'Enter your date of birth',
    dobNotNumbers: 'Enter your date of birth as numbers, for example 27 3 1985',
    dayInvalid: 'Day must be a number from 1 to 31',
    monthInvalid: 'Month must be a number from 1 to 12',
    yearInvalid: 'Year must be 4 numbers, for example 1985',
    dobNotReal: 'Date of birth must be a real date',
    dobInFuture: 'Date of birth must be in the past',
    notFound:
      'We could not find an appointment today with that last name and date of birth. Check what you typed, or ask at the desk.',
    ambiguous: 'We found more than one appointment. Please ask at the desk to check in.',
    validation: 'Please check your last name and date of birth.',
    offline: 'This screen is not connected right now. Please try again in a moment, or ask at the desk.',
    alreadyCheckedIn: 'You are already checked in. Please take a seat, or ask at the desk.',
    visitFinished: 'Your visit today is finished. If you need anything else, please ask at the desk.',
    seeDesk: 'Please see the front desk about this appointment.',
    checkInFailed: 'We could not check you in here. Please ask at the desk.',
    askAtDesk: 'We could not look up your appointment here. Please ask at the desk.',
  },
  pairing: {
    title: 'Set up this check-in screen',
    instructions: 'An administrator enters this code in Clinicflow\u00a0Console\u00a0→\u00a0Devices',
    waiting: 'Getting a code…',
    expiresIn: (minutes: number) =>
      minutes < 1
        ? 'A new code appears in less than a minute.'
        : `This code changes in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    offline: 'Cannot reach the Clinicflow server. Trying again…',
    rateLimited: 'Too many codes were asked for. A new one will appear shortly.',
    wrongTypeTitle: 'This screen is set up as a display',
    wrongType: (name: string) =>
      `It was paired as “${name}”. To use it for check-in, an administrator removes it in Clinicflow\u00a0Console\u00a0→\u00a0Devices; it then shows a new code.`,
  },
  connection: {
    live: 'Connected',
    connecting: 'Connecting…',
    offline: 'Not connected',
    notLiveSince: (time: string) => `Not connected since ${time}`,
  },
} as const;

export type Messages = typeof en;
export const messages: Messages = en;
