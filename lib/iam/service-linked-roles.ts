import { randomUUID } from "node:crypto";
import { inTransaction } from "@/lib/db/transaction";
import { getDb, type Tx } from "@/lib/db/client";
import { insertAuditEvent } from "@/lib/db/audit";
import { removeRoleFromAllInstanceProfiles } from "@/lib/db/instance-profiles";
import { findPolicyByArn } from "@/lib/db/policies";
import { recordStoreChange } from "@/lib/db/store-changes";
import { bumpStoreVersion } from "@/lib/db/store-version";
import { listRoleSessions } from "@/lib/db/sts-sessions";
import { attachPolicy, deleteAllPolicies } from "@/lib/db/principal-tables";
import * as repo from "@/lib/db/roles";
import * as tasks from "@/lib/db/service-linked-role-deletions";
import { AwsError, clip } from "@/lib/domain/errors";
import { LIMITS, type CreateServiceLinkedRoleInput } from "@/lib/domain/schemas";
import {
  findServiceLinkedService,
  serviceLinkedMessages,
  serviceLinkedRoleName,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
  serviceRolePolicyArn,
} from "@/lib/domain/service-linked-roles";
import type { StsSession } from "@/lib/domain/sts-types";
import type { DeletionTaskStatus, Role, RoleUsage, ServiceLinkedRoleDeletion } from "@/lib/domain/types";
import { roleArn } from "./arn";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { newUniqueId } from "./ids";
import { rolePermissions } from "./roles";

/**
 * Service-linked roles: CreateServiceLinkedRole from the service table (lib/domain/service-linked-roles.ts),
 * and DeleteServiceLinkedRole as AWS runs it, a task that GetServiceLinkedRoleDeletionStatus reports on. Every
 * other change to these roles is refused by the one protected-role rule in ./principal-permissions.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */

export async function createServiceLinkedRole(ctx: RequestContext, input: CreateServiceLinkedRoleInput): Promise<Role> {
  const service = findServiceLinkedService(input.AWSServiceName);
  const name = service ? serviceLinkedRoleName(service, input.CustomSuffix) : undefined;
  const target = service && name ? roleArn(ctx.accountId, serviceLinkedRolePath(service.principal), name) : null;
  return auditedChange(ctx, "CreateServiceLinkedRole", target, async (tx) => {
    if (!service || !name || !target) throw new AwsError("InvalidInput", serviceLinkedMessages.unknownService(clip(input.AWSServiceName)));
    if (input.CustomSuffix && !service.customSuffix) throw new AwsError("InvalidInput", serviceLinkedMessages.suffixNotAllowed(service.principal));
    if (name.length > LIMITS.roleName.max)
      throw new AwsError("InvalidInput", `The role name ${name} is longer than ${LIMITS.roleName.max} characters: choose a shorter suffix.`);
    // Role names are unique ignoring case, whoever made the role: an ordinary role can take a service's name too.
    if (await repo.findRole(tx, ctx.accountId, name)) throw new AwsError("InvalidInput", serviceLinkedMessages.nameTaken(name));
    const role = await repo.insertRole(tx, {
      id: newUniqueId("AROA"),
      accountId: ctx.accountId,
      name,
      path: serviceLinkedRolePath(service.principal),
      arn: target,
      description: input.Description ?? null,
      trustPolicy: serviceLinkedTrustPolicy(service.principal),
      maxSessionDuration: LIMITS.maxSessionDuration.default,
      permissionsBoundaryArn: null,
      serviceLinkedService: service.principal,
      tags: [],
    });
    // The service's own policy, when the AWS-managed catalogue holds it; customer roles may not attach it.
    const policy = await findPolicyByArn(tx, serviceRolePolicyArn(service));
    if (policy) await attachPolicy(tx, "role", role.id, policy.id);
    return role;
  });
}

/**
 * How a deletion task unfolds: NOT_STARTED for its first second, IN_PROGRESS until its third, then it runs. Long
 * enough to watch the states go by, short enough to wait for; AWS's own tasks take seconds to minutes.
 */
export const DELETION_TASK_TIMING = { startsAfterMs: 1_000, runsAfterMs: 3_000 };

const TASK_ID = /^task\/aws-service-role\/[\w+=,.@-]+\/[\w+=,.@-]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * DeleteServiceLinkedRole: submits a deletion task and returns its DeletionTaskId. While an earlier task for the
 * role is unfinished, its id is returned again, as IAM does.
 */
export async function deleteServiceLinkedRole(ctx: RequestContext, roleName: string, now = new Date()): Promise<string> {
  const task = await auditedChange(ctx, "DeleteServiceLinkedRole", rolePermissions.target(ctx, roleName), async (tx) => {
    const role = await rolePermissions.requirePrincipal(tx, ctx.accountId, roleName);
    if (!role.serviceLinkedService)
      throw new AwsError("NoSuchEntity", `The role with name ${role.name} is not a service-linked role: delete it with DeleteRole.`);
    const latest = await tasks.findLatestDeletionTask(tx, ctx.accountId, role.id);
    if (latest && latest.outcome === null) return latest;
    return tasks.insertDeletionTask(tx, {
      id: `task/aws-service-role/${role.serviceLinkedService}/${role.name}/${randomUUID()}`,
      accountId: ctx.accountId,
      roleId: role.id,
      roleName: role.name,
      roleArn: role.arn,
      submittedAt: now,
      startsAt: new Date(now.getTime() + DELETION_TASK_TIMING.startsAfterMs),
      dueAt: new Date(now.getTime() + DELETION_TASK_TIMING.runsAfterMs),
    });
  }, (t) => t.roleArn);
  scheduleRun(task.dueAt);
  return task.id;
}

/** GetServiceLinkedRoleDeletionStatus; a task whose time has come runs first, so the answer is current. */
export async function getServiceLinkedRoleDeletionStatus(ctx: RequestContext, taskId: string, now = new Date()): Promise<ServiceLinkedRoleDeletion> {
  if (!TASK_ID.test(taskId))
    throw new AwsError("InvalidInput", `DeletionTaskId ${clip(taskId)} is not a deletion task id (task/aws-service-role/<service>/<role>/<id>).`);
  await runDueDeletionTasks(now, ctx.accountId);
  const task = await tasks.findDeletionTask(getDb(), ctx.accountId, taskId);
  if (!task) throw new AwsError("NoSuchEntity", `Deletion task ${clip(taskId)} cannot be found.`);
  return toDeletion(task, now);
}

/** The role's most recent deletion task, or null; the console shows one that is still running. */
export async function latestServiceLinkedRoleDeletion(ctx: RequestContext, roleName: string, now = new Date()): Promise<ServiceLinkedRoleDeletion | null> {
  await runDueDeletionTasks(now, ctx.accountId);
  const role = await rolePermissions.requirePrincipal(getDb(), ctx.accountId, roleName);
  const task = await tasks.findLatestDeletionTask(getDb(), ctx.accountId, role.id);
  return task ? toDeletion(task, now) : null;
}

export function deletionTaskStatus(task: Pick<tasks.DeletionTaskRow, "outcome" | "startsAt">, now: Date): DeletionTaskStatus {
  if (task.outcome) return task.outcome;
  return now < task.startsAt ? "NOT_STARTED" : "IN_PROGRESS";
}

function toDeletion(t: tasks.DeletionTaskRow, now: Date): ServiceLinkedRoleDeletion {
  return {
    deletionTaskId: t.id,
    roleName: t.roleName,
    roleArn: t.roleArn,
    status: deletionTaskStatus(t, now),
    submittedAt: t.submittedAt,
    finishedAt: t.finishedAt,
    ...(t.outcome === "FAILED" ? { failure: { reason: t.reason ?? "", roleUsage: JSON.parse(t.roleUsage ?? "[]") as RoleUsage[] } } : {}),
  };
}

/**
 * Why a service-linked role cannot be deleted yet, or null. IAM refuses while the role has active sessions
 * ("Before you call this operation, confirm that the role has no active sessions"): unexpired, unrevoked sessions
 * of the role are the usage RoleUsageList reports, per Region.
 */
export function sessionsBlockingDeletion(sessions: Pick<StsSession, "arn" | "region" | "expiresAt" | "revokedAt">[], now: Date): { reason: string; roleUsage: RoleUsage[] } | null {
  const active = sessions.filter((s) => !s.revokedAt && s.expiresAt > now);
  if (active.length === 0) return null;
  const byRegion = new Map<string, string[]>();
  for (const s of active) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s.arn]);
  const until = new Date(Math.max(...active.map((s) => s.expiresAt.getTime())));
  return {
    reason: `The role has ${active.length} active ${active.length === 1 ? "session" : "sessions"}, the last expiring at ${until.toISOString()}. Revoke them or wait, then request the deletion again.`,
    roleUsage: [...byRegion].map(([region, resources]) => ({ region, resources })),
  };
}

/** Runs every pending task whose time has come (in one account, or all). Safe to call from several processes. */
export async function runDueDeletionTasks(now = new Date(), accountId?: string): Promise<void> {
  for (const task of await tasks.listDueDeletionTasks(getDb(), now, accountId)) await runTask(task, now);
}

async function runTask(task: tasks.DeletionTaskRow, now: Date): Promise<void> {
  const db = getDb();
  const result = await inTransaction(db, async (tx) => {
    const role = await repo.findRoleById(tx, task.roleId);
    const blocked = role ? sessionsBlockingDeletion(await listRoleSessions(tx, role.id, now), now) : null;
    const outcome = blocked ? "FAILED" : "SUCCEEDED";
    // Recording the outcome first makes the task run once, whichever process gets here first.
    if (!(await tasks.finishDeletionTask(tx, task.id, { outcome, at: now, reason: blocked?.reason, roleUsage: blocked ? JSON.stringify(blocked.roleUsage) : undefined })))
      return null;
    if (role && !blocked) {
      await deleteServiceLinkedRoleRow(tx, role.id);
      await recordStoreChange(tx, "DeleteServiceLinkedRole", role.arn);
    }
    return { outcome, reason: blocked?.reason };
  });
  if (!result) return;
  // Authorization caches what it reads; the role's removal must reach the very next request.
  if (result.outcome === "SUCCEEDED") await bumpStoreVersion(db);
  // The service (through IAM) deletes the role, not the caller: the trail records it as IAM's own act.
  await insertAuditEvent(db, {
    accountId: task.accountId,
    actor: "iam.amazonaws.com",
    action: "DeleteServiceLinkedRole",
    target: task.roleArn,
    outcome: result.outcome === "SUCCEEDED" ? "Success" : "Failure",
    errorCode: result.outcome === "FAILED" ? "DeleteConflict" : null,
    reason: result.reason ?? `Deletion task ${task.id} succeeded.`,
    source: "api",
    requestId: null,
  });
}

async function deleteServiceLinkedRoleRow(tx: Tx, roleId: string) {
  await deleteAllPolicies(tx, "role", roleId);
  await removeRoleFromAllInstanceProfiles(tx, roleId);
  await repo.deleteRoleRow(tx, roleId);
}

/** Runs the task when it is due even if nobody asks for its status; a status request runs it too. */
function scheduleRun(dueAt: Date) {
  const timer = setTimeout(() => {
    runDueDeletionTasks().catch((e) => console.error("service-linked role deletion task failed", e instanceof Error ? e.message : e));
  }, Math.max(0, dueAt.getTime() - Date.now()) + 50);
  timer.unref?.();
}
