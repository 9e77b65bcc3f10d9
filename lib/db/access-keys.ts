import type { Tx } from "./client";
import type { AccessKeyMetadata } from "@/lib/domain/types";

interface KeyRow {
  id: string;
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
}

const toMetadata = (k: KeyRow, userName: string): AccessKeyMetadata => ({
  accessKeyId: k.id,
  userName,
  status: k.status as AccessKeyMetadata["status"],
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  lastUsedService: k.lastUsedService,
  lastUsedRegion: k.lastUsedRegion,
});

export async function listKeys(tx: Tx, userId: string, userName: string): Promise<AccessKeyMetadata[]> {
  const rows = await tx.accessKey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => toMetadata(r, userName));
}

export async function insertKey(tx: Tx, k: { id: string; userId: string; secretEncrypted: string }, userName: string) {
  const row = await tx.accessKey.create({ data: { ...k, status: "Active" } });
  return toMetadata(row, userName);
}

export async function setKeyStatus(tx: Tx, userId: string, id: string, status: "Active" | "Inactive") {
  return (await tx.accessKey.updateMany({ where: { id, userId }, data: { status } })).count > 0;
}

export async function deleteKey(tx: Tx, userId: string, id: string) {
  return (await tx.accessKey.deleteMany({ where: { id, userId } })).count > 0;
}

/** Everything SigV4 verification needs about a key, including the sealed secret. */
export async function findKeyWithOwner(tx: Tx, id: string) {
  return tx.accessKey.findUnique({
    where: { id },
    include: { user: { select: { id: true, name: true, arn: true, accountId: true } } },
  });
}

export async function touchKey(tx: Tx, id: string, service: string, region: string, at = new Date()) {
  await tx.accessKey.updateMany({ where: { id }, data: { lastUsedAt: at, lastUsedService: service, lastUsedRegion: region } });
}
