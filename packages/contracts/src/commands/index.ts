import { z } from 'zod';
import type { CommandName, RefusalCode } from '@clinicflow/domain';
import type { TransportFailureCode } from '../failures';
import { commandId, type CommandDef, type Returns } from './define';
import { displayCommands } from './display.commands';
import { equipmentCommands } from './equipment.commands';
import { intakeCommands } from './intake.commands';
import { roomCommands } from './room.commands';
import { schedulingCommands } from './scheduling.commands';
import { seriesCommands } from './series.commands';
import { schedulingSetupCommands } from './scheduling-setup.commands';
import { visitCommands } from './visit.commands';
import { staffCommands } from './staff.commands';
import { deviceCommands } from './device.commands';
import { rosterCommands } from './roster.commands';

export { idSchema, type CommandDef } from './define';
export * from './visit.commands';
export * from './room.commands';
export * from './intake.commands';
export * from './scheduling.commands';
export * from './series.commands';
export * from './scheduling-setup.commands';
export * from './display.commands';
export * from './equipment.commands';
export * from './staff.commands';
export * from './device.commands';
export * from './roster.commands';

/**
 * Every command: its input and its result. The command list, the parser, the server's handler map and the
 * client's typed `command()` all derive from this one map; each module contributes its rows.
 */
export const commandMap = {
  ...visitCommands,
  ...roomCommands,
  ...intakeCommands,
  ...schedulingCommands,
  ...seriesCommands,
  ...schedulingSetupCommands,
  ...displayCommands,
  ...equipmentCommands,
  ...staffCommands,
  ...deviceCommands,
  ...rosterCommands,
};
export type CommandMap = typeof commandMap;
export type CommandType = keyof CommandMap;

/** A command's own fields (besides `type` and `commandId`). */
export type InputOf<T extends CommandType> = z.output<CommandMap[T]['input']>;
/** One command as sent: its type, the client's idempotency key, and its input. */
export type CommandOf<T extends CommandType> = T extends CommandType
  ? { type: T; commandId: string } & InputOf<T>
  : never;
export type Command = CommandOf<CommandType>;
/** What a command returns when it succeeds (undefined for most: the events say what changed). */
export type ResultOf<T extends CommandType> = CommandMap[T] extends Returns<infer R> ? R : never;

/** Every command the command endpoint and socket accept, read off the map: there is no second list to forget. */
export const commandTypes = Object.keys(commandMap) as CommandType[];

export const commandSchema = z.discriminatedUnion(
  'type',
  commandTypes.map((type) =>
    (commandMap[type] as CommandDef).input.extend({ type: z.literal(type), commandId }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<Command>;

// Every command has a row in the permission table, and every row is a command (or the kiosk's lookup).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<CommandType, Exclude<CommandName, 'FindAppointment'>>;

export type CommandSuccess<T extends CommandType = CommandType> = T extends CommandType
  ? { ok: true; seq: number } & (undefined extends ResultOf<T>
      ? { result?: undefined }
      : { result: ResultOf<T> })
  : never;
export type CommandFailure = {
  ok: false;
  code: RefusalCode | TransportFailureCode;
  message: string;
  /** On a stale edit, the entity as it is now, so the client can show it. */
  current?: unknown;
  /** Field-level problems; `code` is stable for translation (e.g. a questionnaire's 'required'). */
  issues?: { path: string; message: string; code?: string }[];
  /** A booking that clashed: the nearest free times of the same length, nearest first. */
  suggestions?: { startsAt: string; endsAt: string }[];
  /** A series that clashed: every occurrence that cannot be booked, and with what ("Dr. Lee is already booked"). */
  clashes?: { index: number; startsAt: string; endsAt: string; message: string }[];
};
export type CommandResult<T extends CommandType = CommandType> = CommandSuccess<T> | CommandFailure;

/** Turns a zod failure into the specific, field-level error the client shows. */
export function validationFailure(error: z.ZodError): CommandFailure {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return {
    ok: false,
    code: 'VALIDATION',
    message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
    issues,
  };
}
