import * as keys from "@/lib/iam/access-keys";
import { AwsError } from "@/lib/domain/errors";
import { slicePage } from "@/lib/domain/paging";
import { action, type ActionContext, type QueryAction } from "../action";
import { accessKeyMetadataShape, newAccessKeyShape, pageTail } from "../shapes";
import * as s from "./schemas";

/**
 * Without UserName, the access-key actions act on the calling user
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html: "If you do not specify a user
 * name, IAM determines the user name implicitly based on the Amazon Web Services access key ID signing the request").
 */
function targetUser({ caller }: ActionContext, userName: string | undefined): string {
  if (userName) return userName;
  if (caller?.userName) return caller.userName;
  throw new AwsError("ValidationError", "Must specify userName when calling with non-User credentials");
}

export const accessKeyActions: Record<string, QueryAction> = {
  CreateAccessKey: action(s.optionalUser, async (c, input) => ({
    AccessKey: newAccessKeyShape(await keys.createAccessKey(c.ctx, targetUser(c, input.UserName))),
  })),

  ListAccessKeys: action(s.accessKeysPage, async (c, input) => {
    const all = await keys.listAccessKeys(c.ctx, targetUser(c, input.UserName));
    const page = slicePage(all, { marker: input.Marker, maxItems: input.MaxItems });
    return { AccessKeyMetadata: page.items.map(accessKeyMetadataShape), ...pageTail(page) };
  }),

  UpdateAccessKey: action(s.accessKeyUpdate, async (c, input) => {
    await keys.updateAccessKey(c.ctx, targetUser(c, input.UserName), input.AccessKeyId, input.Status);
    return undefined;
  }),

  DeleteAccessKey: action(s.accessKeyDelete, async (c, input) => {
    await keys.deleteAccessKey(c.ctx, targetUser(c, input.UserName), input.AccessKeyId);
    return undefined;
  }),

  // A key never used reports ServiceName and Region "N/A" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKeyLastUsed.html).
  GetAccessKeyLastUsed: action(s.accessKeyLastUsed, async ({ ctx }, input) => {
    const owner = await keys.findSigningKey(input.AccessKeyId);
    if (!owner || owner.accountId !== ctx.accountId)
      throw new AwsError("NoSuchEntity", `The Access Key with id ${input.AccessKeyId} cannot be found.`);
    const meta = (await keys.listAccessKeys(ctx, owner.userName)).find((k) => k.accessKeyId === input.AccessKeyId);
    return {
      UserName: owner.userName,
      AccessKeyLastUsed: {
        LastUsedDate: meta?.lastUsedAt ?? undefined,
        ServiceName: meta?.lastUsedService ?? "N/A",
        Region: meta?.lastUsedRegion ?? "N/A",
      },
    };
  }),
};
