import { NextResponse } from "next/server";
import { z } from "zod";
import { ACCOUNT_COOKIE, currentAccount } from "@/lib/auth/account";
import { consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { AwsError } from "@/lib/domain/errors";

const switchAccountSchema = z.object({ accountId: z.string().regex(/^\d{12}$/, "An account id is 12 digits.") });

export const GET = consoleRoute(async () => {
  const { account, accounts } = await currentAccount();
  return json({ current: account, accounts });
}, { anyAccount: true });

/** Switching accounts changes what the console looks at, not any data: viewers may do it too. */
export const PUT = consoleRoute(async (req) => {
  const { accountId } = await parseJson(req, switchAccountSchema);
  const { accounts } = await currentAccount();
  const account = accounts.find((a) => a.id === accountId);
  if (!account) throw new AwsError("NoSuchEntity", `The account ${accountId} does not exist.`);
  const res = NextResponse.json({ current: account });
  res.cookies.set(ACCOUNT_COOKIE, account.id, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  return res;
}, { anyAccount: true });
