import { bigint, boolean, check, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  type DisplayPrivacy,
  type FlowSettings,
  type RoomThresholds,
  defaultFlowSettings,
  displayPrivacyModes,
  type Language,
  languages,
  type PaperSize,
  paperSizes,
} from '@clinicflow/domain';
import { created, oneOf } from './columns';

export const clinics = pgTable(
  'clinics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    displayPrivacy: text('display_privacy').$type<DisplayPrivacy>().notNull().default('ticket'),
    /** Last event seq handed out: incrementing it under the row lock orders a clinic's events. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    /** Last seq a display could see: the `prev` of the next display-visible event. */
    lastDisplaySeq: bigint('last_display_seq', { mode: 'number' }).notNull().default(0),
    /** Ask each patient at check-in whether their phone, address or insurance changed. */
    askContactDetails: boolean('ask_contact_details').notNull().default(false),
    displayNotice: text('display_notice'),
    /** An admin may book over a clash, with a recorded reason. */
    allowOverbooking: boolean('allow_overbooking').notNull().default(false),
    roomThresholds: jsonb('room_thresholds')
      .$type<RoomThresholds>()
      .notNull()
      .default({ occupied: 40, needs_cleaning: 15 }),
    /** The flow board's time limits per visit status and the grace periods the server flags late and no-show by. */
    flowSettings: jsonb('flow_settings').$type<FlowSettings>().notNull().default(defaultFlowSettings),
    /** The language the clinic's staff read: documents print in it (beside the patient's). */
    language: text('language').$type<Language>().notNull().default('en'),
    paperSize: text('paper_size').$type<PaperSize>().notNull().default('letter'),
    createdAt: created(),
  },
  (t) => [
    check('clinics_display_privacy_check', oneOf(t.displayPrivacy, displayPrivacyModes)),
    check('clinics_language_check', oneOf(t.language, languages)),
    check('clinics_paper_size_check', oneOf(t.paperSize, paperSizes)),
  ],
);
