import {
  ACCESS_GROUPS,
  canAssumeRows,
  findAccessRow,
  pageAccessRows,
  whoCanAssumeRows,
  type AccessAnswer,
  type AccessDirection,
  type AccessGroup,
  type AccessPageQuery,
  type AccessRow,
  type RowEvidenceAnswer,
} from "@/lib/access/access-pages";
import type { DirectAccess } from "@/lib/access/assume-access";
import { AwsError, clip } from "@/lib/domain/errors";
import { accessIndex, canAssumeOf, whoCanAssumeOf } from "./access";
import { accessEvidence } from "./access-evidence";
import type { RequestContext } from "./context";
import { getRole } from "./roles";
import { getUser } from "./users";

/**
 * A role's or user's access as the console pages it (lib/access/access-pages): counts per group and one page of
 * rows, and a row's evidence when it is opened (Roleplane's analysis, beyond AWS).
 */
export type AccessOwner = { kind: "role" | "user"; name: string };

async function rowsOf(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection) {
  const { arn } = owner.kind === "role" ? await getRole(ctx, owner.name) : await getUser(ctx, owner.name);
  // A user is assumed by no one: its page asks only what it can assume, and the route's schema says so.
  const index = await accessIndex();
  const rows: AccessRow[] = direction === "who-can-assume" ? whoCanAssumeRows(whoCanAssumeOf(index, arn), arn) : canAssumeRows(canAssumeOf(index, arn), arn);
  return { arn, index, rows };
}

export async function accessAnswer(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection, query: AccessPageQuery & { group?: AccessGroup }): Promise<AccessAnswer> {
  const { arn, rows } = await rowsOf(ctx, owner, direction);
  return { arn, direction, groups: pageAccessRows(rows, query, query.group ? [query.group] : ACCESS_GROUPS) };
}

export async function accessRowEvidence(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection, { group, subject }: { group: AccessGroup; subject: string }): Promise<RowEvidenceAnswer> {
  const { index, rows } = await rowsOf(ctx, owner, direction);
  const row = findAccessRow(rows, group, subject);
  if (!row) throw new AwsError("NoSuchEntity", `No ${group} access of ${clip(subject, 256)} is in this answer; the store may have changed since it was shown.`, 404);
  const hops = row.path.slice(1).map((to, i) => index.direct(to).find((d) => d.principal.arn === row.path[i]) ?? null);
  const { documents, lines } = await accessEvidence(hops.filter((h): h is DirectAccess => h !== null));
  return { path: row.path, hops, documents, lines };
}
