import { sql } from 'drizzle-orm';
import { timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Column builders every table uses: one way to store a moment, one way to list allowed values. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const created = () => ts('created_at').notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The check that keeps a text column to one of the domain's values (the list is written once, in the domain). */
export const oneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${inList(values)})`;
