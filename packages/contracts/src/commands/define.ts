import { z } from 'zod';
import { text } from '../text';

/** A command's result type, carried in the type system only (nothing of it exists at run time). */
declare const resultType: unique symbol;
export type Returns<R> = { readonly [resultType]?: R };
export const returns = <R>(): Returns<R> => ({});

/** One command: the schema of its input (besides `type` and `commandId`) and, as a type, its result. */
export type CommandDef<S extends z.ZodRawShape = z.ZodRawShape, R = undefined> = {
  input: z.ZodObject<S>;
} & Returns<R>;

export function command<S extends z.ZodRawShape, R = undefined>(
  shape: S,
  _result?: Returns<R>,
): CommandDef<S, R> {
  return { input: z.object(shape) };
}

/** The same command definition under several names (commands that differ only in the action they take). */
export function commandsFor<K extends string, D extends CommandDef>(
  names: readonly K[],
  def: D,
): { [N in K]: D } {
  return Object.fromEntries(names.map((n) => [n, def])) as { [N in K]: D };
}

/** Every entity id: a UUID (route parameters too; anything else never reaches the database). */
export const idSchema = z.uuid({ message: 'Not a valid id' });
export const id = idSchema;
export const version = z.int().nonnegative();
export const commandId = z.uuid({ message: 'commandId must be a UUID made by the client' });
export const personName = (what: string) =>
  text().trim().min(1, `Enter ${what}`).max(100, `${what} is too long`);
