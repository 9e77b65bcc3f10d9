// The analysis commands of `npx roleplane` (scripts/roleplane.mjs brings the store up to date, then runs this).
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";
import type { DirectAccess } from "@/lib/access/assume-access";
import { accessIndex, canAssumeOf, whoCanAssumeOf } from "@/lib/iam/access";

const USAGE = `Usage:
  npx roleplane who-can-assume <role-arn> [--format json]   who can assume the role, directly and through chains
  npx roleplane can-assume <principal-arn> [--format json]  which roles a user or role can assume`;

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

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--format") && argv[argv.indexOf("--format") + 1] === "json";
  const [command, arn] = argv.filter((a, i) => a !== "--format" && argv[i - 1] !== "--format");
  if (!command || !arn || !["who-can-assume", "can-assume"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
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
