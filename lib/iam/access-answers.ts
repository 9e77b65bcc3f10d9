import { AnswerCache } from "@/lib/access/answer-cache";
import type { AccessIndex } from "@/lib/access/access-graph";
import {
  AccessRowSet,
  type AccessAnswer,
  type AccessDirection,
  type AccessGroup,
  type AccessPageQuery,
  type RowEvidenceAnswer,
} from "@/lib/access/access-pages";
import type { DirectAccess } from "@/lib/access/assume-access";
import { syncCaches, VersionedCache } from "@/lib/db/versioned-cache";
import { AwsError, clip } from "@/lib/domain/errors";
import { accessIndex, canAssumeOf } from "./access";
import { accessEvidence } from "./access-evidence";
import type { RequestContext } from "./context";
import { getRole } from "./roles";
import { getUser } from "./users";

/**
 * A role's or user's access as the console pages it (lib/access/access-pages): counts per group and one page of
 * rows, and a row's evidence when it is opened (Roleplane's analysis, beyond AWS).
 */
export type AccessOwner = { kind: "role" | "user"; name: string };

/**
 * Each answer's rows, grouped and sorted, kept for the current index (one store version): the role's next page, another
 * sort, each search keystroke and an opened row's evidence read them rather than asking the index again (a role
 * thousands can assume costs tens of milliseconds to walk). At most 256 answers and 100,000 rows together (about
 * 140 bytes a row with what it keeps of the index's answer: some 14 MB when full), the least recently asked dropped
 * first; the next index (any change to the store) drops all.
 */
const answers = new AnswerCache<AccessIndex, AccessRowSet>({ maxEntries: 256, maxRows: 100_000 });

/** Owners' ARNs by account, kind and name, per store version (a delete or a new role of the name moves it). */
const ownerArns = new VersionedCache<string, string>(10_000);

async function ownerArn(ctx: RequestContext, { kind, name }: AccessOwner): Promise<string> {
  await syncCaches();
  return ownerArns.get(`${ctx.accountId}:${kind}/${name}`, async () => (kind === "role" ? await getRole(ctx, name) : await getUser(ctx, name)).arn);
}

async function rowsOf(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection) {
  const arn = await ownerArn(ctx, owner);
  // A user is assumed by no one: its page asks only what it can assume, and the route's schema says so.
  const index = await accessIndex();
  const rows = answers.get(index, `${direction} ${arn}`, () =>
    direction === "who-can-assume" ? AccessRowSet.whoCanAssume(index.direct(arn), index.chainList(arn), arn) : AccessRowSet.canAssume(canAssumeOf(index, arn), arn),
  );
  return { arn, index, rows };
}

export async function accessAnswer(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection, query: AccessPageQuery & { group?: AccessGroup }): Promise<AccessAnswer> {
  const { arn, rows } = await rowsOf(ctx, owner, direction);
  return { arn, direction, groups: rows.pages(query, query.group ? [query.group] : undefined) };
}

export async function accessRowEvidence(ctx: RequestContext, owner: AccessOwner, direction: AccessDirection, { group, subject }: { group: AccessGroup; subject: string }): Promise<RowEvidenceAnswer> {
  const { index, rows } = await rowsOf(ctx, owner, direction);
  const row = rows.find(group, subject);
  if (!row) throw new AwsError("NoSuchEntity", `No ${group} access of ${clip(subject, 256)} is in this answer; the store may have changed since it was shown.`, 404);
  const hops = row.path.slice(1).map((to, i) => index.access(row.path[i], to) ?? null);
  const { documents, lines } = await accessEvidence(hops.filter((h): h is DirectAccess => h !== null));
  return { path: row.path, hops, documents, lines };
}
