import * as keys from "@/lib/iam/access-keys";
import { AwsError } from "@/lib/domain/errors";
import { slicePage } from "@/lib/domain/paging";
import { action, type QueryAction } from "../action";
import { accessKeyMetadataShape, newAccessKeyShape, pageTail } from "../shapes";
import * as s from "./schemas";
import { targetUser } from "./target-user";

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
