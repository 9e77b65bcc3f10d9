import type { Db } from "./client";
import { upsertAccount } from "./accounts";
import { countConsoleUsers, upsertConsoleUser, type ConsoleRole } from "./console-users";
import { inTransaction } from "./transaction";

/**
 * First-start data. The AWS-managed catalogue is loaded in bulk (no audit events: it is reference data, not a
 * change anyone made); everything else goes through the same services as the console and the API.
 */

export interface CatalogueEntry {
  name: string;
  path: string;
  arn: string;
  id: string;
  document: string;
  versionId: string;
  versionNumber: number;
  createdAt: Date;
  updatedAt: Date;
  description: string | null;
}

export async function seedAccounts(db: Db, accounts: { id: string; alias: string }[]) {
  for (const a of accounts) await upsertAccount(db, a.id, a.alias);
}

export async function isCatalogueLoaded(db: Db): Promise<boolean> {
  return (await db.managedPolicy.count({ where: { scope: "aws" } })) > 0;
}

export async function insertCatalogue(db: Db, entries: CatalogueEntry[]) {
  const chunk = 200;
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < entries.length; i += chunk) {
      const part = entries.slice(i, i + chunk);
      await tx.managedPolicy.createMany({
        data: part.map((e) => ({
          id: e.id,
          accountId: null,
          scope: "aws",
          name: e.name,
          nameLower: e.name.toLowerCase(),
          path: e.path,
          arn: e.arn,
          description: e.description,
          defaultVersionId: e.versionId,
          createdAt: e.createdAt,
          updatedAt: e.updatedAt,
        })),
      });
      await tx.policyVersion.createMany({
        data: part.map((e) => ({
          policyId: e.id,
          versionId: e.versionId,
          number: e.versionNumber,
          document: e.document,
          isDefault: true,
          createdAt: e.updatedAt,
        })),
      });
    }
  }, { timeoutMs: 120_000 });
}

export { countConsoleUsers, upsertConsoleUser, type ConsoleRole };
