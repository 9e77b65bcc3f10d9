import type { AccessStore } from "@/lib/access/access-graph";
import { listAccountRows } from "@/lib/db/accounts";
import type { Tx } from "@/lib/db/client";
import { listMemberIdsOfGroupArn } from "@/lib/db/groups";
import { loadStorePrincipalPolicies, type PrincipalRefs } from "@/lib/db/principal-tables";
import { lastStoreChange, readStoreChanges, type StoreChangeRow } from "@/lib/db/store-changes";
import type { PrincipalPolicies } from "@/lib/domain/types";

/**
 * Every account, user and role with its policies (who can assume what), kept up to date from the store's change log
 * (lib/db/store-changes): after a change, only the principals it can have changed are read again. The log is read
 * before the principals, so every change it lists is in what is read next; a principal read after a later change
 * too is read again when that change's turn comes. Whatever cannot be mapped to principals (an account import, a
 * restore, a change with no target, a log that went back) reads the whole store again.
 */
export interface LoadedStore {
  /** The number of the last change the store reflects (and some later ones, which the next update reads again). */
  seq: number;
  store: AccessStore;
  /** How it was read: all of it, or the principals changes named. */
  read: "whole" | "changes";
}

/** More changes or principals than this at once, and reading everything is as quick. */
const MAX_CHANGES = 500;
const MAX_PRINCIPALS = 2_000;

export async function loadWholeStore(db: Tx): Promise<LoadedStore> {
  const seq = await lastStoreChange(db);
  const [accounts, users, roles] = await Promise.all([listAccountRows(db), loadStorePrincipalPolicies(db, "user"), loadStorePrincipalPolicies(db, "role")]);
  return { seq, store: { accounts: accounts.map((a) => a.id), users, roles }, read: "whole" };
}

/** `loaded` brought up to date, reading only what changed; the whole store when the changes cannot be mapped. */
export async function updateStore(db: Tx, loaded: LoadedStore): Promise<LoadedStore> {
  const changes = await readStoreChanges(db, loaded.seq, MAX_CHANGES);
  if (!changes || changes.length === MAX_CHANGES) return loadWholeStore(db);
  if (changes.length === 0) return loaded;
  const seq = changes[changes.length - 1].seq;
  const accounts = (await listAccountRows(db)).map((a) => a.id);
  if (accounts.join() !== loaded.store.accounts.join()) return loadWholeStore(db);
  const touched = await principalsTouched(db, changes, loaded.store);
  if (!touched || size(touched.users) + size(touched.roles) > MAX_PRINCIPALS) return loadWholeStore(db);
  const [freshUsers, freshRoles] = await Promise.all([
    size(touched.users) ? loadStorePrincipalPolicies(db, "user", touched.users) : [],
    size(touched.roles) ? loadStorePrincipalPolicies(db, "role", touched.roles) : [],
  ]);
  const [users, roles] = [merge(loaded.store.users, touched.users, freshUsers), merge(loaded.store.roles, touched.roles, freshRoles)];
  return { seq, store: { accounts, users, roles }, read: "changes" };
}

const size = (refs: PrincipalRefs) => refs.ids.length + refs.arns.length;

interface Touched {
  users: PrincipalRefs;
  roles: PrincipalRefs;
}

/** The IAM resource of an ARN (`user/…`, `group/…`), for any account including `aws`. */
const resourceOf = (arn: string) => /^arn:aws:iam::(?:\d{12}|aws):(.+)$/.exec(arn)?.[1];

/** Entities the store of principals holds nothing of: a change to them changes no one's policies. */
const UNRELATED = ["instance-profile/", "oidc-provider/", "saml-provider/", "mfa/"];

/**
 * The principals a change can have altered: the user or role it names; a group's members (now, and those the loaded
 * store shows holding its policies); every principal the loaded store shows holding a managed policy, as its own,
 * through a group, or as its boundary (attaching one is a change to the principal or group, listed on its own).
 * Null when a change cannot be mapped.
 */
async function principalsTouched(db: Tx, changes: StoreChangeRow[], store: AccessStore): Promise<Touched | null> {
  const users = new Set<string>();
  const roles = new Set<string>();
  const userIds = new Set<string>();
  const roleIds = new Set<string>();
  // A principal is read by ARN and by the id the loaded store knows it by, which finds it under a new name too.
  const idOf = new Map([...store.users, ...store.roles].map((p) => [p.arn, p.id]));
  const named = (arns: Set<string>, ids: Set<string>, arn: string) => {
    arns.add(arn);
    const id = idOf.get(arn);
    if (id) ids.add(id);
  };
  for (const { target } of changes) {
    const resource = target ? resourceOf(target) : undefined;
    if (!target || !resource) return null;
    if (UNRELATED.some((r) => resource.startsWith(r))) continue;
    if (resource.startsWith("user/")) named(users, userIds, target);
    else if (resource.startsWith("role/")) named(roles, roleIds, target);
    else if (resource.startsWith("group/")) {
      for (const u of store.users) if (u.identity.some((p) => p.group?.arn === target)) userIds.add(u.id);
      for (const id of await listMemberIdsOfGroupArn(db, target)) userIds.add(id);
    } else if (resource.startsWith("policy/")) {
      const holds = (p: PrincipalPolicies) => p.boundary?.arn === target || p.identity.some((i) => i.arn === target);
      for (const u of store.users) if (holds(u)) userIds.add(u.id);
      for (const r of store.roles) if (holds(r)) roleIds.add(r.id);
    } else return null;
  }
  return { users: { ids: [...userIds], arns: [...users] }, roles: { ids: [...roleIds], arns: [...roles] } };
}

const byName = (a: PrincipalPolicies, b: PrincipalPolicies) => {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * `held` with the principals named in `refs` read again (`fresh`): changed ones take their old entry's place
 * (matched by id, so a renamed principal replaces its old name), named ones the store no longer has leave, and new
 * ones join. Kept in the whole-store load's order (by name), sorting again only when a name is new.
 */
function merge<P extends PrincipalPolicies>(held: P[], refs: PrincipalRefs, fresh: P[]): P[] {
  if (size(refs) === 0) return held;
  const freshById = new Map(fresh.map((p) => [p.id, p]));
  const found = new Set(fresh.flatMap((p) => [p.id, p.arn]));
  const gone = new Set([...refs.ids, ...refs.arns].filter((ref) => !found.has(ref)));
  let resort = false;
  const merged: P[] = [];
  for (const p of held) {
    if (gone.has(p.id) || gone.has(p.arn)) continue;
    const now = freshById.get(p.id);
    freshById.delete(p.id);
    if (now && now.name !== p.name) resort = true;
    merged.push(now ?? p);
  }
  if (freshById.size > 0) resort = true;
  merged.push(...freshById.values());
  return resort ? merged.sort(byName) : merged;
}
