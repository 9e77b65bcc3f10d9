import type { Tx } from "./client";
import { pageOf } from "./pagination";
import type { Tag } from "@/lib/domain/schemas";
import type { AssignmentStatus } from "@/lib/domain/mfa-schemas";
import type { MfaDevice } from "@/lib/domain/mfa-types";

/** A device with what only the core may see: the sealed seed and the one-time-code state. */
export interface StoredMfaDevice extends MfaDevice {
  seedEncrypted: string;
  lastUsedStep: number | null;
  driftSteps: number;
}

const withOwner = {
  tags: { orderBy: { position: "asc" } },
  user: { select: { id: true, name: true, path: true, arn: true, createdAt: true } },
} as const;

interface Row {
  serialNumber: string;
  accountId: string;
  name: string;
  path: string;
  seedEncrypted: string;
  enabledAt: Date | null;
  lastUsedStep: number | null;
  driftSteps: number;
  createdAt: Date;
  tags: { key: string; value: string }[];
  user: MfaDevice["user"];
}

function toDevice(r: Row): StoredMfaDevice {
  return {
    serialNumber: r.serialNumber,
    accountId: r.accountId,
    name: r.name,
    path: r.path,
    user: r.user,
    enabledAt: r.enabledAt,
    createdAt: r.createdAt,
    tags: r.tags.map((t) => ({ Key: t.key, Value: t.value })),
    seedEncrypted: r.seedEncrypted,
    lastUsedStep: r.lastUsedStep,
    driftSteps: r.driftSteps,
  };
}

/** Strips what must not leave the core (the sealed seed, the code state). */
export function publicDevice({ seedEncrypted: _s, lastUsedStep: _l, driftSteps: _d, ...device }: StoredMfaDevice): MfaDevice {
  return device;
}

const tagRows = (tags: Tag[]) => tags.map((t, i) => ({ key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i }));

export async function findMfaDevice(tx: Tx, accountId: string, serialNumber: string): Promise<StoredMfaDevice | null> {
  const row = await tx.mfaDevice.findFirst({ where: { serialNumber, accountId }, include: withOwner });
  return row ? toDevice(row) : null;
}

export async function mfaDeviceNameTaken(tx: Tx, accountId: string, name: string): Promise<boolean> {
  return (await tx.mfaDevice.count({ where: { accountId, nameLower: name.toLowerCase() } })) > 0;
}

export async function countAccountMfaDevices(tx: Tx, accountId: string): Promise<number> {
  return tx.mfaDevice.count({ where: { accountId } });
}

export async function countUserMfaDevices(tx: Tx, userId: string): Promise<number> {
  return tx.mfaDevice.count({ where: { userId } });
}

export async function insertMfaDevice(
  tx: Tx,
  d: { serialNumber: string; accountId: string; name: string; path: string; seedEncrypted: string; tags: Tag[] },
): Promise<StoredMfaDevice> {
  const row = await tx.mfaDevice.create({
    data: {
      serialNumber: d.serialNumber,
      accountId: d.accountId,
      name: d.name,
      nameLower: d.name.toLowerCase(),
      path: d.path,
      seedEncrypted: d.seedEncrypted,
      tags: { create: tagRows(d.tags) },
    },
    include: withOwner,
  });
  return toDevice(row);
}

/** Assigns an unassigned device; false when another request assigned it first. */
export async function assignMfaDevice(tx: Tx, serialNumber: string, a: { userId: string; enabledAt: Date; lastUsedStep: number }): Promise<boolean> {
  const { count } = await tx.mfaDevice.updateMany({
    where: { serialNumber, userId: null },
    data: { userId: a.userId, enabledAt: a.enabledAt, lastUsedStep: a.lastUsedStep, driftSteps: 0 },
  });
  return count > 0;
}

/** Unassigns a device. The last used step stays: codes accepted before must not become good again. */
export async function unassignMfaDevice(tx: Tx, serialNumber: string) {
  await tx.mfaDevice.update({ where: { serialNumber }, data: { userId: null, enabledAt: null } });
}

/**
 * Records `step` as used, only if it is later than the step already recorded. The condition is part of the
 * update, so two requests carrying the same code cannot both succeed, on SQLite or PostgreSQL alike.
 */
export async function consumeTimeStep(tx: Tx, serialNumber: string, step: number, driftSteps?: number): Promise<boolean> {
  const { count } = await tx.mfaDevice.updateMany({
    where: { serialNumber, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, ...(driftSteps === undefined ? {} : { driftSteps }) },
  });
  return count > 0;
}

export async function deleteMfaDevice(tx: Tx, serialNumber: string) {
  await tx.mfaDevice.delete({ where: { serialNumber } });
}

export async function listUserMfaDevices(tx: Tx, userId: string): Promise<StoredMfaDevice[]> {
  const rows = await tx.mfaDevice.findMany({ where: { userId }, include: withOwner, orderBy: [{ enabledAt: "asc" }, { nameLower: "asc" }] });
  return rows.map(toDevice);
}

export async function listAccountMfaDevices(tx: Tx, accountId: string, q: { status: AssignmentStatus; offset: number; maxItems: number }) {
  const assigned = q.status === "Assigned" ? { userId: { not: null } } : q.status === "Unassigned" ? { userId: null } : {};
  const rows = await tx.mfaDevice.findMany({
    where: { accountId, ...assigned },
    include: withOwner,
    orderBy: { nameLower: "asc" },
    skip: q.offset,
    take: q.maxItems + 1,
  });
  return pageOf(rows.map(toDevice), q.offset, q.maxItems);
}

export async function replaceMfaDeviceTags(tx: Tx, serialNumber: string, tags: Tag[]) {
  await tx.mfaDeviceTag.deleteMany({ where: { serialNumber } });
  await tx.mfaDeviceTag.createMany({ data: tagRows(tags).map((t) => ({ ...t, serialNumber })) });
}
