/** One field problem as a refusal carries it ("body.username") or as zod reports it (["roomIds", 0]). */
export type FieldIssue = { path: string | readonly PropertyKey[]; message: string };

/**
 * A form's message per field, from a validation refusal's `issues` (a command's or a route's) or a zod error:
 * keyed by the first path segment ("body." and "/" prefixes dropped), the first message per field kept.
 * Problems not about one field are keyed ''.
 */
export function fieldIssues(
  source: { issues?: readonly FieldIssue[] } | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of source?.issues ?? []) {
    const parts = typeof issue.path === 'string' ? issue.path.split(/[./]/) : issue.path.map(String);
    const key = parts.find((part) => part && part !== 'body') ?? '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
