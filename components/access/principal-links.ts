import { toRole } from "@/components/roles/routes";
import { toUser } from "@/components/users/routes";

/** A user's or role's console page when it is in the account shown; other principals have none here. */
export function consoleHref(arn: string, accountId: string): string | undefined {
  const m = /^arn:[\w-]+:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!m || m[1] !== accountId) return undefined;
  return m[2] === "role" ? toRole({ name: m[3] }) : toUser({ name: m[3] });
}

/** An ARN short enough for a graph node: the resource part (`role/deploy`), cut with an ellipsis past `max`. */
export function shortArn(arn: string, max: number): string {
  const tail = /^arn:[\w-]+:[\w-]*:[\w-]*:\d*:(.+)$/.exec(arn)?.[1] ?? arn;
  const short = tail.replace(/^(user|role)\/(?:.*\/)?([^/]+)$/, "$1/$2");
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

/** The account of an IAM ARN. */
export const accountOf = (arn: string) => /^arn:[\w-]+:iam::(\d{12}):/.exec(arn)?.[1] ?? "";
