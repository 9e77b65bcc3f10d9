import { describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from "@aws-sdk/client-iam";
import { failure, iamClient, identityPolicy, trustPolicy, uniqueName } from "./support/aws";

const iam = iamClient(inject("baseUrl"), {
  accessKeyId: inject("adminAccessKeyId"),
  secretAccessKey: inject("adminSecretAccessKey"),
});
const ACCOUNT = "111111111111";
const S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

describe("role lifecycle through the AWS SDK", () => {
  it("creates, reads, changes and deletes a role with AWS's shapes", async () => {
    const name = uniqueName("lifecycle");
    const trust = trustPolicy({ Service: "lambda.amazonaws.com" });
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        Path: "/team/app/",
        AssumeRolePolicyDocument: trust,
        Description: "Runs the <app> & its jobs",
        MaxSessionDuration: 7200,
        Tags: [
          { Key: "team", Value: "web" },
          { Key: "cost-center", Value: "42" },
        ],
      }),
    );
    const role = created.Role!;
    expect(role).toMatchObject({
      RoleName: name,
      Path: "/team/app/",
      Arn: `arn:aws:iam::${ACCOUNT}:role/team/app/${name}`,
      Description: "Runs the <app> & its jobs",
      MaxSessionDuration: 7200,
    });
    expect(role.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(role.CreateDate).toBeInstanceOf(Date);
    expect(Math.abs(role.CreateDate!.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    // IAM returns policy documents URL-encoded (RFC 3986); decoded, it is what we sent.
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(trust);

    const got = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(got).toMatchObject({ RoleName: name, RoleId: role.RoleId, MaxSessionDuration: 7200 });
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(trust);
    expect(got.Tags).toEqual([
      { Key: "team", Value: "web" },
      { Key: "cost-center", Value: "42" },
    ]);
    expect(got.PermissionsBoundary).toBeUndefined();

    // Role names are case-insensitive for lookup, as in IAM.
    expect((await iam.send(new GetRoleCommand({ RoleName: name.toUpperCase() }))).Role!.RoleName).toBe(name);

    await iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 43200, Description: "changed" }));
    let now = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(now).toMatchObject({ MaxSessionDuration: 43200, Description: "changed" });

    const described = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: "again" }));
    expect(described.Role).toMatchObject({ RoleName: name, Description: "again" });

    const newTrust = trustPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: newTrust }));
    now = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(decodeURIComponent(now.AssumeRolePolicyDocument!)).toBe(newTrust);

    await iam.send(new DeleteRoleCommand({ RoleName: name }));
    const gone = await failure(iam.send(new GetRoleCommand({ RoleName: name })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: `The role with name ${name} cannot be found.` });
  });

  it("tags, untags and lists tags with pagination", async () => {
    const name = uniqueName("tags");
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    await iam.send(
      new TagRoleCommand({
        RoleName: name,
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "" },
          { Key: "c", Value: "3" },
        ],
      }),
    );
    // Tag keys match ignoring case: this overwrites "a".
    await iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "A", Value: "one" }] }));
    const first = await iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toBeTruthy();
    const rest = await iam.send(new ListRoleTagsCommand({ RoleName: name, Marker: first.Marker }));
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
    expect([...first.Tags!, ...rest.Tags!]).toEqual([
      { Key: "a", Value: "one" },
      { Key: "b", Value: "" },
      { Key: "c", Value: "3" },
    ]);

    await iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: ["B", "c", "missing"] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags).toEqual([{ Key: "a", Value: "one" }]);
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
  });

  it("lists roles page by page with MaxItems/Marker and filters by PathPrefix", async () => {
    const path = `/${uniqueName("list")}/`;
    const names = [0, 1, 2, 3, 4].map((i) => `${uniqueName("page")}-${i}`);
    for (const n of names) await iam.send(new CreateRoleCommand({ RoleName: n, Path: path, AssumeRolePolicyDocument: trustPolicy() }));

    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListRolesCommand({ PathPrefix: path, MaxItems: 2, Marker: marker }));
      expect(page.Roles!.length).toBeLessThanOrEqual(2);
      for (const r of page.Roles!) {
        // ListRoles leaves out tags, boundary and last use (IAM API reference).
        expect(r.Tags).toBeUndefined();
        expect(r.RoleLastUsed).toBeUndefined();
        expect(r.Path).toBe(path);
        seen.push(r.RoleName!);
      }
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...names].sort());

    const all = await iam.send(new ListRolesCommand({ PathPrefix: path }));
    expect(all.IsTruncated).toBe(false);
    expect(all.Roles).toHaveLength(5);
    for (const n of names) await iam.send(new DeleteRoleCommand({ RoleName: n }));
  });

  it("manages inline policies, attached policies and the boundary, and refuses to delete a role that has them", async () => {
    const name = uniqueName("perms");
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));

    const doc = identityPolicy("s3:ListBucket");
    await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "list-buckets", PolicyDocument: doc }));
    const inline = await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: "list-buckets" }));
    expect(inline).toMatchObject({ RoleName: name, PolicyName: "list-buckets" });
    expect(decodeURIComponent(inline.PolicyDocument!)).toBe(doc);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames).toEqual(["list-buckets"]);

    await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: S3_READ }));
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: "AmazonS3ReadOnlyAccess", PolicyArn: S3_READ }]);
    expect(attached.IsTruncated).toBe(false);

    const boundaryName = uniqueName("boundary");
    const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: boundaryName, PolicyDocument: identityPolicy("s3:*") }));
    const boundaryArn = boundary.Policy!.Arn!;
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: boundaryArn }));
    expect((await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "Policy",
      PermissionsBoundaryArn: boundaryArn,
    });

    const attachedConflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: name })));
    expect(attachedConflict).toEqual({
      code: "DeleteConflict",
      status: 409,
      message: "Cannot delete entity, must detach all policies first.",
    });
    await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: S3_READ }));
    const inlineConflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: name })));
    expect(inlineConflict).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must delete policies first." });
    // The refused deletes changed nothing.
    expect((await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.RoleName).toBe(name);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "list-buckets" }));
    const noPolicy = await failure(iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: "list-buckets" })));
    expect(noPolicy).toEqual({ code: "NoSuchEntity", status: 404, message: "The role policy with name list-buckets cannot be found." });

    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }));
    expect((await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.PermissionsBoundary).toBeUndefined();
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: boundaryArn }));
  });
});
