import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type {
  Actor,
  Answers,
  ConsentDocument,
  DisplayConfig,
  Questionnaire,
  RoomThresholds,
  Signature,
  VisitStatus,
} from '@clinicflow/domain';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const clinics = pgTable(
  'clinics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    displayPrivacy: text('display_privacy').notNull().default('ticket'),
    /** Last event seq handed out: incrementing it under the row lock orders a clinic's events. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    /** Last seq a display could see: the `prev` of the next display-visible event. */
    lastDisplaySeq: bigint('last_display_seq', { mode: 'number' }).notNull().default(0),
    /** Ask each patient at check-in whether their phone, address or insurance changed. */
    askContactDetails: boolean('ask_contact_details').notNull().default(false),
    displayNotice: text('display_notice'),
    roomThresholds: jsonb('room_thresholds')
      .$type<RoomThresholds>()
      .notNull()
      .default({ occupied: 40, needs_cleaning: 15 }),
    createdAt: created(),
  },
  (t) => [
    check('clinics_display_privacy_check', sql`${t.displayPrivacy} in ('ticket', 'first_name_initial')`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'staff_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    unique('staff_clinic_username_key').on(t.clinicId, t.username),
    check(
      'staff_role_check',
      sql`${t.role} in ${sql.raw("('admin', 'coordinator', 'front_desk', 'nurse', 'physician')")}`,
    ),
  ],
);

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    staffId: uuid('staff_id'),
    delayMinutes: integer('delay_minutes').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'providers_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'providers_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    index('providers_clinic_idx').on(t.clinicId),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('available'),
    statusSince: ts('status_since').notNull().defaultNow(),
    visitId: uuid('visit_id'),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'rooms_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'rooms_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),

    unique('rooms_clinic_name_key').on(t.clinicId, t.name),
    check(
      'rooms_status_check',
      sql`${t.status} in (${inList(['available', 'occupied', 'needs_cleaning', 'out_of_service'])})`,
    ),
    check('rooms_occupied_has_visit_check', sql`(${t.status} = 'occupied') = (${t.visitId} is not null)`),
  ],
);

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    phone: text('phone'),
    address: text('address'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    insuranceProvider: text('insurance_provider'),
    insuranceMemberId: text('insurance_member_id'),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'patients_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    index('patients_lookup_idx').on(t.clinicId, sql`lower(${t.lastName})`, t.dateOfBirth),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    roomId: uuid('room_id'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    reason: text('reason'),
    /** Printed on the confirmation (and in its QR code): a patient can check in with it alone. */
    code: text('code'),
    status: text('status').notNull().default('booked'),
    createdAt: created(),
  },
  // The no-overlap exclusion constraints (btree_gist) live in a custom migration: drizzle-kit cannot express them.
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'appointments_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'appointments_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'appointments_provider_fk', columns: [t.providerId], foreignColumns: [providers.id] }),
    foreignKey({ name: 'appointments_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),

    check('appointments_interval_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('appointments_status_check', sql`${t.status} in ('booked', 'cancelled')`),
    index('appointments_clinic_starts_idx').on(t.clinicId, t.startsAt),
    uniqueIndex('appointments_clinic_code_key').on(t.clinicId, t.code),
  ],
);

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    appointmentId: uuid('appointment_id'),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id'),
    roomId: uuid('room_id'),
    status: text('status').notNull().default('booked'),
    statusSince: ts('status_since').notNull().defaultNow(),
    ticketNumber: integer('ticket_number'),
    ticketCode: text('ticket_code'),
    scheduledAt: ts('scheduled_at'),
    reason: text('reason'),
    reasonCategory: text('reason_category'),
    times: jsonb('times').$type<Partial<Record<VisitStatus, string>>>().notNull().default({}),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'visits_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({
      name: 'visits_appointment_fk',
      columns: [t.appointmentId],
      foreignColumns: [appointments.id],
    }),
    foreignKey({ name: 'visits_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'visits_provider_fk', columns: [t.providerId], foreignColumns: [providers.id] }),
    foreignKey({ name: 'visits_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),

    unique('visits_clinic_day_ticket_key').on(t.clinicId, t.day, t.ticketCode),
    uniqueIndex('visits_appointment_key').on(t.appointmentId),
    index('visits_clinic_day_idx').on(t.clinicId, t.day),
    check(
      'visits_status_check',
      sql`${t.status} in (${inList([
        'booked',
        'arrived',
        'waiting',
        'called',
        'in_room',
        'with_provider',
        'checked_out',
        'no_show',
        'cancelled',
        'left_without_being_seen',
      ])})`,
    ),
    check('visits_ticket_check', sql`(${t.ticketCode} is null) = (${t.ticketNumber} is null)`),
  ],
);

export const events = pgTable(
  'events',
  {
    clinicId: uuid('clinic_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    at: ts('at').notNull(),
    /** The previous display-visible seq when displays may see this event; null when they may not. */
    displayPrev: bigint('display_prev', { mode: 'number' }),
    commandId: uuid('command_id'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'events_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    primaryKey({ name: 'events_pkey', columns: [t.clinicId, t.seq] }),
    index('events_at_idx').on(t.clinicId, t.at),
  ],
);

export const commands = pgTable(
  'commands',
  {
    commandId: uuid('command_id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    type: text('type').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    /** Stored once the command's transaction commits; a retry with the same id gets it back. */
    result: jsonb('result').notNull(),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'commands_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    index('commands_clinic_created_idx').on(t.clinicId, t.createdAt),
  ],
);

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    location: text('location'),
    /** How a display shows the clinic (layout, language, privacy, sound, filters); null for kiosks. */
    config: jsonb('config').$type<DisplayConfig>(),
    tokenHash: text('token_hash'),
    lastSeenAt: ts('last_seen_at'),
    revokedAt: ts('revoked_at'),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'devices_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),

    uniqueIndex('devices_token_hash_key').on(t.tokenHash),
    check('devices_type_check', sql`${t.type} in ('kiosk', 'waiting_room_display', 'room_status_display')`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    at: ts('at').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    origin: text('origin'),
    /** sha256 of the previous row's hash and this row's content: editing any row breaks the chain after it. */
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'audit_log_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    index('audit_log_clinic_at_idx').on(t.clinicId, t.at),
    uniqueIndex('audit_log_hash_key').on(t.hash),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    /** sha256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    lastActiveAt: ts('last_active_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    origin: text('origin'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'sessions_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'sessions_staff_fk', columns: [t.staffId], foreignColumns: [staff.id] }),
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_staff_idx').on(t.staffId),
  ],
);

/** Failed sign-ins per account and per address, for lockout. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});

/** A kiosk or wallboard waiting for an admin to enter its code. */
export const pairingRequests = pgTable(
  'pairing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    code: text('code').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
    origin: text('origin'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'pairing_requests_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    uniqueIndex('pairing_requests_code_key').on(t.code),
    uniqueIndex('pairing_requests_token_hash_key').on(t.tokenHash),
  ],
);

/** A questionnaire definition; a new version is a new row, so stored answers keep the text they answered. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    /** Order in which the kiosk asks them. */
    position: integer('position').notNull().default(0),
    definition: jsonb('definition').$type<Omit<Questionnaire, 'id' | 'key' | 'version'>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'questionnaires_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    unique('questionnaires_clinic_key_version_key').on(t.clinicId, t.key, t.version),
  ],
);

export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    urgent: boolean('urgent').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: jsonb('submitted_by').$type<Actor>().notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({
      name: 'questionnaire_responses_clinic_fk',
      columns: [t.clinicId],
      foreignColumns: [clinics.id],
    }),
    foreignKey({
      name: 'questionnaire_responses_visit_fk',
      columns: [t.visitId],
      foreignColumns: [visits.id],
    }),
    foreignKey({
      name: 'questionnaire_responses_questionnaire_fk',
      columns: [t.questionnaireId],
      foreignColumns: [questionnaires.id],
    }),
    unique('questionnaire_responses_visit_questionnaire_key').on(t.visitId, t.questionnaireId),
  ],
);

export const consentDocuments = pgTable(
  'consent_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Pick<ConsentDocument, 'title' | 'body'>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: created(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'consent_documents_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    unique('consent_documents_clinic_key_version_key').on(t.clinicId, t.key, t.version),
  ],
);

/** A signed consent: who signed which exact document version, when, and the signature as vector strokes. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id'),
    documentId: uuid('document_id').notNull(),
    signerName: text('signer_name').notNull(),
    signature: jsonb('signature').$type<Signature>().notNull(),
    signedAt: ts('signed_at').notNull(),
    signedBy: jsonb('signed_by').$type<Actor>().notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'consents_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'consents_patient_fk', columns: [t.patientId], foreignColumns: [patients.id] }),
    foreignKey({ name: 'consents_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    foreignKey({
      name: 'consents_document_fk',
      columns: [t.documentId],
      foreignColumns: [consentDocuments.id],
    }),
    index('consents_patient_idx').on(t.patientId),
  ],
);

export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    kind: text('kind').notNull(),
    findings: jsonb('findings').$type<string[]>().notNull(),
    raisedAt: ts('raised_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'alerts_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'alerts_visit_fk', columns: [t.visitId], foreignColumns: [visits.id] }),
    foreignKey({
      name: 'alerts_acknowledged_by_fk',
      columns: [t.acknowledgedBy],
      foreignColumns: [staff.id],
    }),
    index('alerts_visit_idx').on(t.visitId),
    check('alerts_kind_check', sql`${t.kind} in ('urgent_screening')`),
  ],
);

export const equipment = pgTable(
  'equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    name: text('name').notNull(),
    roomId: uuid('room_id'),
    status: text('status').notNull().default('in_service'),
    version: integer('version').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({ name: 'equipment_clinic_fk', columns: [t.clinicId], foreignColumns: [clinics.id] }),
    foreignKey({ name: 'equipment_room_fk', columns: [t.roomId], foreignColumns: [rooms.id] }),
    check('equipment_status_check', sql`${t.status} in ('in_service', 'out_of_service')`),
    index('equipment_clinic_idx').on(t.clinicId),
  ],
);
