/** One field problem as a refusal carries it ("body.username") or as zod reports it (["roomIds", 0]). */
export type FieldIssue = { path: string | readonly PropertyKey[]; message: string };

/**
 * A form's message per field, from a validation refusal's `issues` (a command's or a route's) or a zod error:
 * keyed by the first path segment ("body." and "/" prefixes dropped), the first message per field kept.
 * Problems not about one field are keyed ''. A form for one nested object of the body names it in `within`
 * ("config.roomIds.0" is then "roomIds").
 */
export function fieldIssues(
  source: { issues?: readonly FieldIssue[] } | null | undefined,
  options: { within?: string } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of source?.issues ?? []) {
    const path = typeof issue.path === 'string' ? issue.path.split(/[./]/) : issue.path.map(String);
    const parts = path.filter((part) => part && part !== 'body');
    if (options.within && parts[0] === options.within) parts.shift();
    const key = parts[0] ?? '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
