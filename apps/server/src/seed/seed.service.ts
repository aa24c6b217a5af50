import {
  clinicDay,
  clinicTime,
  defaultFlowSettings,
  defaultRoomThresholds,
  isDisplayVisible,
  openingHoursWindows,
  type ReasonCategory,
  type Signature,
  type Clinic,
  type DomainEvent,
} from '@clinicflow/domain';
import { type Db, repo, type TypeFields } from '@clinicflow/db';
import { demoConsent, demoQuestionnaires, demoSurvey } from './demo-intake';
import { seedDemoRosterDay, seedDemoWorkingHours } from './demo-roster';
import { newShortCode } from '../platform/tokens';
import { hashPassword } from '../modules/auth/auth.service';
import { providerWindows } from '../modules/scheduling/availability';

// Synthetic people only: invented names, no real patient data anywhere.
const firstNames = [
  'Ana',
  'Ben',
  'Chloe',
  'Dmitri',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jade',
  'Kofi',
  'Lucia',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Samir',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Arjun',
  'Beatriz',
  'Chen',
  'Dalia',
];
const lastNames = [
  'Alvarez',
  'Brennan',
  'Castillo',
  'Duarte',
  'Eriksen',
  'Fontaine',
  'Gallo',
  'Haddad',
  'Iwata',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quiroga',
  'Rahman',
  'Silva',
  'Tanaka',
  'Ueda',
  'Varga',
  'Whitfield',
  'Xu',
  'Yilmaz',
  'Zamora',
  'Abbott',
  'Bianchi',
  'Cruz',
  'Dimitriou',
];
/** Demo reasons and the category that picks each one's intake forms. */
const reasons: [string, ReasonCategory, string | null][] = [
  ['Annual physical', 'checkup', 'New patient'],
  ['Follow-up', 'follow_up', 'Follow-up'],
  ['Sore throat', 'illness', null],
  ['Blood pressure check', 'follow_up', 'ECG check'],
  ['Vaccination', 'vaccination', 'Vaccination'],
  ['Back pain', 'injury', null],
  ['Rash', 'illness', null],
  ['Flu shot', 'vaccination', 'Vaccination'],
];
/** Every demo account signs in with this password; it is printed in the README. */
export const demoPassword = 'clinicflow-demo';
const staffAccounts = [
  { username: 'admin', displayName: 'Alex Admin', role: 'admin' },
  { username: 'coordinator', displayName: 'Casey Coordinator', role: 'coordinator' },
  { username: 'frontdesk', displayName: 'Frankie Desk', role: 'front_desk' },
  { username: 'nurse', displayName: 'Noor Nurse', role: 'nurse' },
  { username: 'drlee', displayName: 'Dr. Lee', role: 'physician' },
] as const;
/** The other physicians are on the roster but cannot sign in (no password). */
const rosterOnlyPhysicians = [
  { username: 'drsandoval', displayName: 'Dr. Sandoval', role: 'physician' },
  { username: 'drachebe', displayName: 'Dr. Achebe', role: 'physician' },
  { username: 'drfeld', displayName: 'Dr. Feld', role: 'physician' },
] as const;

/** A signature on file from an earlier visit (synthetic: a wavy line). */
const earlierSignature: Signature = {
  width: 600,
  height: 200,
  strokes: [
    Array.from({ length: 40 }, (_, k) => ({ x: 20 + k * 14, y: 100 + Math.sin(k / 3) * 40, t: k * 16 })),
  ],
};

/** Room 1 has the ECG; Rooms 1, 2 and 5 take a wheelchair; every room but 6 (vaccinations) has an exam table. */
const demoRoomFeatures: string[][] = [
  ['ecg', 'exam_table', 'wheelchair', 'sink'],
  ['exam_table', 'wheelchair', 'sink'],
  ['exam_table', 'sink'],
  ['exam_table', 'procedure_light', 'sink'],
  ['exam_table', 'wheelchair'],
  ['sink'],
];

const demoAppointmentTypes: TypeFields[] = [
  {
    name: 'Follow-up',
    durationMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    roomFeatures: [],
    equipmentKinds: [],
  },
  {
    name: 'New patient',
    durationMinutes: 40,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    roomFeatures: ['exam_table'],
    equipmentKinds: [],
  },
  {
    name: 'ECG check',
    durationMinutes: 30,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    roomFeatures: ['ecg'],
    equipmentKinds: ['ecg'],
  },
  {
    name: 'Minor procedure',
    durationMinutes: 45,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 15,
    roomFeatures: ['procedure_light', 'sink'],
    equipmentKinds: [],
  },
  {
    name: 'Abdominal ultrasound',
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    roomFeatures: ['exam_table'],
    equipmentKinds: ['ultrasound'],
  },
  {
    name: 'Vaccination',
    durationMinutes: 10,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    roomFeatures: [],
    equipmentKinds: ['vaccine_fridge'],
  },
];

/** A small deterministic generator so every seeded day looks the same for the same date. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Creates the clinic this server serves when the database has none: in demo mode with six exam rooms, four
 * providers and a staff account per role, otherwise with one admin account. Returns the clinic to serve.
 */
export async function ensureClinic(
  db: Db,
  input: {
    now: Date;
    name: string;
    timezone: string;
    demo: boolean;
    adminPassword: string;
    /** Demo intake forms and consent (on by default; tests of other things turn them off). */
    demoIntake?: boolean;
  },
): Promise<{ clinic: Clinic; created: boolean }> {
  const demoIntake = input.demo && input.demoIntake !== false;
  const existing = await repo.clinics.first(db);
  if (existing) return { clinic: existing, created: false };
  // Hash outside the transaction: argon2 is deliberately slow.
  const adminHash = await hashPassword(input.adminPassword);
  const demoHash = input.demo ? await hashPassword(demoPassword) : null;
  return db.transaction(async (txDb) => {
    const tx = txDb as Db;
    const clinic = await repo.clinics.insert(tx, {
      name: input.name,
      timezone: input.timezone,
      displayPrivacy: 'ticket',
      askContactDetails: demoIntake,
      displayNotice: null,
      roomThresholds: defaultRoomThresholds,
      flowSettings: defaultFlowSettings,
    });
    if (!input.demo) {
      const admin = { username: 'admin', displayName: 'Administrator', role: 'admin' } as const;
      await repo.staff.insert(tx, { clinicId: clinic.id, ...admin, passwordHash: adminHash });
      return { clinic, created: true };
    }
    const rooms = await repo.rooms.insertMany(
      tx,
      clinic.id,
      ['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5', 'Room 6'],
      input.now,
    );
    for (const [name, room, kind] of [
      ['ECG machine', 0, 'ecg'],
      ['Otoscope', 1, 'otoscope'],
      ['Spirometer', 2, 'spirometer'],
      ['Exam light', 3, null],
      ['Otoscope', 4, 'otoscope'],
      ['Vaccine fridge', 5, 'vaccine_fridge'],
      ['Portable ultrasound', null, 'ultrasound'],
    ] as const) {
      const roomId = room === null ? null : rooms[room]!.id;
      await repo.equipment.insert(tx, { clinicId: clinic.id, name, roomId, kind });
    }
    for (const [room, features] of demoRoomFeatures.entries())
      await repo.rooms.setFeatures(tx, clinic.id, rooms[room]!.id, features);
    for (const type of demoAppointmentTypes) await repo.appointmentTypes.insert(tx, clinic.id, type);
    if (demoIntake) {
      for (const [position, questionnaire] of [...demoQuestionnaires, demoSurvey].entries()) {
        await repo.questionnaires.insert(tx, { clinicId: clinic.id, position, questionnaire });
      }
      await repo.consents.insertDocument(tx, { clinicId: clinic.id, document: demoConsent });
    }
    for (const account of staffAccounts) {
      const { id } = await repo.staff.insert(tx, { clinicId: clinic.id, ...account, passwordHash: demoHash });
      if (account.role === 'physician')
        await repo.providers.insert(tx, { clinicId: clinic.id, name: account.displayName, staffId: id });
    }
    for (const account of rosterOnlyPhysicians) {
      const { id } = await repo.staff.insert(tx, { clinicId: clinic.id, ...account, passwordHash: null });
      await repo.providers.insert(tx, { clinicId: clinic.id, name: account.displayName, staffId: id });
    }
    await seedDemoWorkingHours(tx, clinic, clinicDay(input.now, clinic.timezone), input.now);
    return { clinic, created: true };
  });
}

/**
 * Up to 30 half-hour visits, one every 45 minutes per provider (staggered by 10 minutes between providers),
 * inside each provider's working hours that day, earliest first.
 */
async function demoSlots(tx: Db, clinic: Clinic, day: string) {
  const dayStart = clinicTime(day, '00:00', clinic.timezone);
  const providers = await repo.providers.list(tx, clinic.id);
  const fit = (windowsOf: (k: number) => Promise<{ startsAt: string; endsAt: string }[]>) =>
    Promise.all(
      providers.map(async (provider, k) =>
        (await windowsOf(k)).flatMap((w) => {
          const starts: { provider: typeof provider; start: Date }[] = [];
          for (
            let t = Date.parse(w.startsAt) + k * 10 * 60_000;
            t + 30 * 60_000 <= Date.parse(w.endsAt);
            t += 45 * 60_000
          )
            starts.push({ provider, start: new Date(t) });
          return starts;
        }),
      ),
    ).then((all) => all.flat().sort((a, b) => a.start.getTime() - b.start.getTime()));
  const inHours = await fit((k) => providerWindows(tx, clinic, providers[k]!.id, dayStart, 1));
  if (inHours.length >= 30) return inHours.slice(0, 30);
  // NOTE: on a weekend few providers work; the demo then books 08:00–18:00 as on a weekday, so its board is full.
  const allDay = openingHoursWindows({
    from: dayStart,
    days: 1,
    timezone: clinic.timezone,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
  });
  return (await fit(async () => allDay)).slice(0, 30);
}

/**
 * Books ~30 synthetic appointments for the clinic's today, unless today already has visits. Each booking is
 * recorded as a VisitBooked event, so folding the day's events gives the same board as the database.
 */
export async function ensureDemoDay(db: Db, input: { clinic: Clinic; now: Date }): Promise<number> {
  const { clinic, now } = input;
  const day = clinicDay(now, clinic.timezone);
  if ((await repo.visits.listForDay(db, clinic.id, day)).length > 0) return 0;
  return db.transaction(async (txDb) => {
    const tx = txDb as Db;
    await repo.clinics.lock(tx, clinic.id);
    const consentDocuments = await repo.consents.listActiveDocuments(tx, clinic.id);
    const types = await repo.appointmentTypes.list(tx, clinic.id);
    const rand = random(Number(day.replaceAll('-', '')));
    const events: DomainEvent[] = [];
    const slots = await demoSlots(tx, clinic, day);
    for (let i = 0; i < slots.length; i++) {
      const { provider, start } = slots[i]!;
      const end = new Date(start.getTime() + 30 * 60_000);
      const birthYear = 1940 + Math.floor(rand() * 65);
      const patient = await repo.patients.insert(tx, {
        clinicId: clinic.id,
        firstName: firstNames[i % firstNames.length]!,
        lastName: lastNames[(i * 7) % lastNames.length]!,
        dateOfBirth: `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
        phone: `555-01${String(i).padStart(2, '0')}`,
        // Some patients prefer Spanish or Vietnamese; for some nobody has asked yet.
        preferredLanguage: (['en', 'es', 'vi', null] as const)[i % 4] ?? null,
      });
      const [reason, reasonCategory, typeName] = reasons[i % reasons.length]!;
      const booked = await repo.appointments.insert(tx, {
        clinicId: clinic.id,
        patientId: patient.id,
        providerId: provider.id,
        roomId: null,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        reason,
        appointmentTypeId: types.find((t) => t.name === typeName)?.id ?? null,
        code: newShortCode(),
      });
      if (!booked.ok) throw new Error(`demo schedule clashes on ${booked.conflict}`);
      const visit = await repo.visits.insert(tx, {
        clinicId: clinic.id,
        day,
        appointmentId: booked.id,
        patientId: patient.id,
        providerId: provider.id,
        scheduledAt: start.toISOString(),
        reason,
        reasonCategory,
        status: 'booked',
        now,
      });
      events.push({ type: 'VisitBooked', payload: { visit } });
      // Returning vaccination patients signed the consent at an earlier visit: they have no forms today.
      if (reasonCategory === 'vaccination') {
        for (const document of consentDocuments) {
          await repo.consents.insert(tx, {
            clinicId: clinic.id,
            patientId: patient.id,
            visitId: null,
            documentId: document.id,
            signerName: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`,
            signature: earlierSignature,
            at: new Date(now.getTime() - 90 * 86_400_000),
            by: { kind: 'system' },
          });
        }
      }
    }
    const booked = events.length;
    events.push(...(await seedDemoRosterDay(tx, clinic, day, now)));
    await repo.events.append(tx, {
      clinicId: clinic.id,
      at: now,
      commandId: null,
      events: events.map((event) => ({ event, displayVisible: isDisplayVisible(event) })),
    });
    return booked;
  });
}
