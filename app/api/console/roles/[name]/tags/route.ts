import { authorize, consoleRoute, json, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { getRole, listRoleTags, tagRole, untagRole } from "@/lib/iam/roles";
import { assertUniqueTagKeys } from "@/lib/iam/tags";
import { replaceTagsBodySchema } from "../../../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) =>
  json((await listRoleTags(ctx, params.name, { maxItems: 1000 })).items),
);

/** The tag editor saves the whole set: keys it dropped are untagged (TagRole/UntagRole underneath). */
export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { Tags } = await parseJson(req, replaceTagsBodySchema);
  assertUniqueTagKeys(Tags);
  authorize(canMutate(session));
  const kept = new Set(Tags.map((t) => t.Key.toLowerCase()));
  const dropped = (await getRole(ctx, params.name)).tags.filter((t) => !kept.has(t.Key.toLowerCase()));
  if (dropped.length) await untagRole(ctx, params.name, dropped.map((t) => t.Key));
  if (Tags.length) await tagRole(ctx, params.name, Tags);
  return Tags.length || dropped.length ? json((await getRole(ctx, params.name)).tags) : noContent();
});
