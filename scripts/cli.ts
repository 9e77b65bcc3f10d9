// The analysis commands of `npx roleplane` (bin/roleplane.mjs brings the store up to date, then runs this).
import { parseArgs } from "node:util";
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";
import type { DirectAccess } from "@/lib/access/assume-access";
import { isAwsError } from "@/lib/domain/errors";
import { accessIndex, canAssumeOf, whoCanAssumeOf } from "@/lib/iam/access";
import { accountAccessGraph } from "@/lib/iam/access-analysis";

const USAGE = `Usage:
  npx roleplane who-can-assume <role-arn> [--format text|json]   who can assume the role, directly and through chains
  npx roleplane can-assume <principal-arn> [--format text|json]  which roles a user or role can assume
  npx roleplane access-graph --account <id> --format json        every role of the account: who assumes it, and through which chains`;

const conditionText = (d: DirectAccess) =>
  d.conditions.length ? ` if ${d.conditions.map((c) => `${c.effect === "Deny" ? "not " : ""}${c.operator} ${c.key} ${c.values.join("|")}`).join(" and ")}` : "";

function printWho(arn: string, who: WhoCanAssume) {
  console.log(`Who can assume ${arn} (Roleplane's analysis):`);
  if (!who.direct.length && !who.chains.length) console.log("  nobody");
  for (const d of [...who.direct].sort((a, b) => a.principal.arn.localeCompare(b.principal.arn))) console.log(`  ${d.principal.kind.padEnd(9)} ${d.principal.arn}  directly${conditionText(d)}`);
  for (const c of who.chains) console.log(`  ${c.principal.kind.padEnd(9)} ${c.principal.arn}  through ${c.path.slice(1, -1).join(" → ")}${c.conditional ? " (with conditions)" : ""}`);
}

function printCan(arn: string, can: CanAssume) {
  console.log(`What ${arn} can assume (Roleplane's analysis):`);
  if (!can.direct.length && !can.chains.length) console.log("  nothing");
  for (const d of [...can.direct].sort((a, b) => a.roleArn.localeCompare(b.roleArn))) console.log(`  ${d.roleArn}  directly${conditionText(d)}`);
  for (const c of can.chains) console.log(`  ${c.roleArn}  through ${c.path.slice(1, -1).join(" → ")}${c.conditional ? " (with conditions)" : ""}`);
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

/** The whole graph of an account's roles, in the JSON issue 10 fixes (lib/access/account-access `AccessGraph`). */
async function printAccessGraph(account: string | undefined): Promise<number> {
  if (!account) return usage();
  if (!/^\d{12}$/.test(account)) {
    console.error(`roleplane: --account takes a 12-digit AWS account id, not ${JSON.stringify(account)}.`);
    return 2;
  }
  try {
    console.log(JSON.stringify(await accountAccessGraph(account), null, 2));
    return 0;
  } catch (e) {
    if (!isAwsError(e) || e.code !== "NoSuchEntity") throw e;
    console.error(`roleplane: no account ${account} in the store.`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { format: { type: "string" }, account: { type: "string" } }, allowPositionals: true });
  } catch {
    return usage();
  }
  const { values, positionals: [command, arn, ...rest] } = parsed;
  const json = values.format === "json";
  // access-graph prints JSON only; the others print text unless asked for JSON.
  if (command === "access-graph") return arn || (values.format !== undefined && !json) ? usage() : printAccessGraph(values.account);
  if (values.format !== undefined && !json && values.format !== "text") return usage();
  if (!command || !arn || rest.length || values.account !== undefined || !["who-can-assume", "can-assume"].includes(command)) return usage();
  const index = await accessIndex();
  if (command === "who-can-assume") {
    if (!index.hasRole(arn)) {
      console.error(`roleplane: no role ${arn} in the store.`);
      return 1;
    }
    const who = whoCanAssumeOf(index, arn);
    if (json) console.log(JSON.stringify({ role: arn, ...who }, null, 2));
    else printWho(arn, who);
    return 0;
  }
  if (!index.principal(arn)) {
    console.error(`roleplane: no user or role ${arn} in the store.`);
    return 1;
  }
  const can = canAssumeOf(index, arn);
  if (json) console.log(JSON.stringify({ principal: arn, ...can }, null, 2));
  else printCan(arn, can);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`roleplane: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
