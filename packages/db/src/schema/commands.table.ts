import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import type { Actor } from '@clinicflow/domain';
import { created } from './columns';
import { clinics } from './clinics.table';

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
