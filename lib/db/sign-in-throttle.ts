import type { Tx } from "./client";

export interface ThrottleRow {
  key: string;
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export async function findThrottles(tx: Tx, keys: string[]): Promise<ThrottleRow[]> {
  return tx.signInThrottle.findMany({ where: { key: { in: keys } } });
}

export async function saveThrottle(tx: Tx, row: ThrottleRow): Promise<void> {
  const { key, ...data } = row;
  await tx.signInThrottle.upsert({ where: { key }, create: row, update: data });
}

export async function clearThrottle(tx: Tx, key: string): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key } });
}
