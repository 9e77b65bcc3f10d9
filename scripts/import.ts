// Run by bin/roleplane.mjs (`npx roleplane import <file>…`) with the operator's environment, after migrations.
import fs from "node:fs";
import { closeDb } from "@/lib/db/client";
import { ImportError, importAuthorizationDetails } from "@/lib/iam/account-import";

async function main(files: string[]) {
  const sources = files.map((name) => ({ name, text: fs.readFileSync(name, "utf8") }));
  const started = performance.now();
  const summaries = await importAuthorizationDetails(sources, {
    actor: "roleplane import (command line)",
    onProgress: (message) => console.log(`Importing ${message}…`),
  });
  for (const s of summaries)
    console.log(
      `Imported account ${s.accountId}: ${s.users} users, ${s.groups} groups, ${s.roles} roles, ${s.instanceProfiles} instance profiles, ` +
        `${s.policies} customer managed policies${s.awsManagedPolicies ? `, ${s.awsManagedPolicies} AWS managed policies new to this store` : ""}.`,
    );
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main(process.argv.slice(2))
  .catch((err) => {
    console.error(`roleplane: ${err instanceof ImportError ? `${err.message}; nothing was imported` : err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
