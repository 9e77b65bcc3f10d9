import type { z } from "zod";

/**
 * Field errors from the shared zod schema, keyed by top-level member ("UserName", "Path") and, for tag lists,
 * by row index. AWS's "Member must …" wording reads as "Must …" beside a field.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]) {
  const fields: Record<string, string> = {};
  const tags: Record<number, string> = {};
  for (const i of issues) {
    const message = i.message.replace(/^Member must/, "Must");
    const [top, row, member] = i.path;
    if (top === "Tags" && typeof row === "number") tags[row] ??= `${String(member ?? "Tag")}: ${lowerFirst(message)}`;
    else fields[String(top)] ??= message;
  }
  return { fields, tags };
}

/** "Must satisfy…" → "must satisfy…" after a "Key:" label; the rest (a regular expression) keeps its case. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
