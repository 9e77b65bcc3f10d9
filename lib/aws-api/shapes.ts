import type { Tag } from "@/lib/domain/schemas";
import type {
  AccessKeyMetadata,
  AttachedPolicy,
  IamGroup,
  IamUser,
  InstanceProfile,
  ManagedPolicy,
  NewAccessKey,
  PolicyVersion,
  Role,
  RoleListItem,
  ServiceLinkedRoleDeletion,
} from "@/lib/domain/types";
import { encodePolicyDocument, type XmlObject, type XmlValue } from "./xml";

/**
 * Domain values renamed to the botocore IAM shapes (`Role`, `User`, `Policy`, `PolicyVersion`, `AccessKey`, …).
 * Key order is element order, following the model's member order.
 */

const tags = (list: Tag[]): XmlValue => (list.length > 0 ? list.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined);

/** The members ListRoles returns; it leaves out boundary, tags and last use (see the ListRoles API reference). */
export function roleListShape(r: RoleListItem | Role): XmlObject {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(r.trustPolicy),
    Description: r.description ?? undefined,
    MaxSessionDuration: r.maxSessionDuration,
  };
}

/** The full Role of CreateRole / GetRole / UpdateRoleDescription. */
export function roleShape(r: Role): XmlObject {
  return {
    ...roleListShape(r),
    PermissionsBoundary: r.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: r.permissionsBoundaryArn }
      : undefined,
    Tags: tags(r.tags),
    RoleLastUsed: { LastUsedDate: r.lastUsedAt ?? undefined, Region: r.lastUsedRegion ?? undefined },
  };
}

/**
 * An instance profile with its role. The role inside carries the members AWS's own responses show there: path,
 * name, id, ARN, creation date and the (URL-encoded) trust policy.
 */
export function instanceProfileShape(p: InstanceProfile): XmlObject {
  return {
    Path: p.path,
    InstanceProfileName: p.name,
    InstanceProfileId: p.id,
    Arn: p.arn,
    CreateDate: p.createdAt,
    Roles: p.roles.map((r) => ({ ...roleListShape(r), Description: undefined, MaxSessionDuration: undefined })),
    Tags: tags(p.tags),
  };
}

/** GetServiceLinkedRoleDeletionStatus's result: the status, and for a failure its reason and RoleUsageList. */
export function deletionStatusShape(d: ServiceLinkedRoleDeletion): XmlObject {
  return {
    Status: d.status,
    Reason: d.failure
      ? { Reason: d.failure.reason, RoleUsageList: d.failure.roleUsage.map((u) => ({ Region: u.region, Resources: u.resources })) }
      : undefined,
  };
}

export function userShape(u: IamUser): XmlObject {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.createdAt,
    PasswordLastUsed: u.passwordLastUsed ?? undefined,
    PermissionsBoundary: u.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: u.permissionsBoundaryArn }
      : undefined,
    Tags: tags(u.tags),
  };
}

export function groupShape(g: IamGroup): XmlObject {
  return { Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.createdAt };
}

/** ListUsers and GetGroup list users without PermissionsBoundary and Tags (see their API references). */
export const userListShape = (u: IamUser): XmlObject => ({ ...userShape(u), PermissionsBoundary: undefined, Tags: undefined });

export function policyShape(p: ManagedPolicy): XmlObject {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: p.attachmentCount,
    PermissionsBoundaryUsageCount: p.permissionsBoundaryUsageCount,
    IsAttachable: p.isAttachable,
    Description: p.description ?? undefined,
    CreateDate: p.createdAt,
    UpdateDate: p.updatedAt,
    Tags: tags(p.tags),
  };
}

/** GetPolicyVersion carries the (URL-encoded) document; CreatePolicyVersion and ListPolicyVersions do not. */
export function policyVersionShape(v: PolicyVersion, withDocument: boolean): XmlObject {
  return {
    Document: withDocument ? encodePolicyDocument(v.document) : undefined,
    VersionId: v.versionId,
    IsDefaultVersion: v.isDefault,
    CreateDate: v.createdAt,
  };
}

export const attachedPolicyShape = (a: AttachedPolicy): XmlObject => ({ PolicyName: a.policyName, PolicyArn: a.policyArn });

export function accessKeyMetadataShape(k: AccessKeyMetadata): XmlObject {
  return { UserName: k.userName, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: k.createdAt };
}

export function newAccessKeyShape(k: NewAccessKey): XmlObject {
  return {
    UserName: k.userName,
    AccessKeyId: k.accessKeyId,
    Status: k.status,
    SecretAccessKey: k.secretAccessKey,
    CreateDate: k.createdAt,
  };
}

/** The IsTruncated/Marker pair every IAM list result ends with; Marker only when there is more. */
export function pageTail(page: { isTruncated: boolean; marker?: string }): XmlObject {
  return { IsTruncated: page.isTruncated, Marker: page.isTruncated ? page.marker : undefined };
}
