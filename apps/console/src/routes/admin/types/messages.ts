const features: Record<string, string> = {
  ecg: 'ECG',
  exam_table: 'Exam table',
  wheelchair: 'Wheelchair access',
  sink: 'Sink',
  procedure_light: 'Procedure light',
};
const kinds: Record<string, string> = { ecg: 'ECG machine', vaccine_fridge: 'Vaccine fridge' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

export const messages = {
  title: 'Appointment types',
  intro:
    'What the desk can book: how long each visit takes, the time kept around it, and what the room needs.',
  loadFailed: 'The types could not be loaded.',
  columns: {
    name: 'Name',
    length: 'Length',
    buffers: 'Before / after',
    needs: 'Needs',
    status: 'Status',
    actions: 'Actions',
  },
  minutes: (n: number) => `${n} min`,
  buffers: (before: number, after: number) => `${before} / ${after} min`,
  nothing: 'Nothing special',
  active: 'Offered',
  retired: 'Retired',
  editButton: 'Edit',
  retireButton: 'Retire',
  edit: (name: string) => `Edit ${name}`,
  retire: (name: string) => `Retire ${name}`,
  feature: (f: string) => features[f] ?? capital(f),
  kind: (k: string) => kinds[k] ?? capital(k),
  form: {
    create: 'New appointment type',
    editButton: 'Edit',
    retireButton: 'Retire',
    edit: (name: string) => `Edit ${name}`,
    name: 'Name',
    nameHint: 'As the desk sees it, for example “ECG check”',
    duration: 'Length',
    before: 'Buffer before',
    beforeHint: 'Preparation: the room and provider are busy, the patient is not',
    after: 'Buffer after',
    afterHint: 'Cleanup after the visit',
    unit: 'minutes',
    features: 'Room features it needs',
    kinds: 'Equipment it needs (in working order)',
    save: 'Save type',
    add: 'Add type',
    cancel: 'Cancel editing',
  },
  done: {
    created: (name: string) => `${name} added`,
    saved: (name: string) => `${name} saved`,
    retired: (name: string) => `${name} retired: offered for no new booking`,
    rules: 'Scheduling rules saved',
  },
  rules: {
    title: 'Scheduling rules',
    overbook: 'Admins may overbook, with a recorded reason',
    overbookHint:
      'Lets two bookings share a provider or room. Working hours still apply: add an extra session on the roster instead.',
    save: 'Save rules',
  },
};
