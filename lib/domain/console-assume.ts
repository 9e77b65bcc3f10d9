import { z } from "zod";
import type { Decision, PolicyRef } from "@/lib/policy";
import { LIMITS } from "./limits";
import { arnSchema, awsString, type Tag } from "./schemas";
import { assumeRoleSchema } from "./sts-schemas";
import type { AssumeRoleCheck, StsSession, TemporaryCredentials } from "./sts-types";

/**
 * The console's Assume role: the same AssumeRole input the STS API takes (its zod schema, without RoleArn, which
 * the role page supplies), plus who is asking — an IAM user or an active role session, for role chaining. The
 * outcome types are shared by the route and the page.
 */

/** Who the console assumes the role as: an IAM user of any account (by ARN), or an active role session (by key id). */
export const assumeCallerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), arn: arnSchema }),
  z.object({ kind: z.literal("session"), accessKeyId: awsString({ ...LIMITS.accessKeyId, pattern: /^ASIA[A-Z0-9]+$/, patternText: "ASIA[A-Z0-9]+" }) }),
]);
export type AssumeCaller = z.infer<typeof assumeCallerSchema>;

export const consoleAssumeRoleSchema = assumeRoleSchema.omit({ RoleArn: true }).extend({ Caller: assumeCallerSchema });
export type ConsoleAssumeRoleInput = z.infer<typeof consoleAssumeRoleSchema>;

export const assumeCallerSearchSchema = z.object({
  kind: z.enum(["user", "session"]),
  search: awsString({ min: 0, max: LIMITS.arn.max }).optional(),
});

/** An IAM user the console can assume a role as, with the MFA devices enabled for it (their serial numbers). */
export interface AssumeCallerUser {
  kind: "user";
  arn: string;
  name: string;
  accountId: string;
  accountAlias: string | null;
  mfaDevices: string[];
}

/** An active role session the console can chain from. */
export interface AssumeCallerSession {
  kind: "session";
  accessKeyId: string;
  arn: string;
  roleArn: string;
  sessionName: string;
  accountId: string;
  accountAlias: string | null;
  callerArn: string;
  issuedAt: Date;
  expiresAt: Date;
  sourceIdentity: string | null;
  mfaAuthenticated: boolean;
  tags: Tag[];
  transitiveTagKeys: string[];
}

export type AssumeCallerOption = AssumeCallerUser | AssumeCallerSession;

export interface ConsoleAssumeGranted {
  granted: true;
  callerArn: string;
  credentials: TemporaryCredentials;
  assumedRoleUser: { assumedRoleId: string; arn: string };
  sourceIdentity: string | null;
  packedPolicySize: number | null;
  issuedAt: Date;
}

/** A policy a denial's reasons point into, with its text so the page can show the statement at its lines. */
export interface ExplainedPolicy {
  ref: PolicyRef;
  /** "the role trust policy", "the inline policy deploy", … */
  title: string;
  document: string;
}

/**
 * Roleplane's reading of a refusal (AWS says only "User … is not authorized to perform …"): one sentence saying
 * why, and what would have to change for the same request to be granted.
 */
export interface DenialAdvice {
  summary: string;
  changes: string[];
}

export interface ConsoleAssumeDenied {
  granted: false;
  callerArn: string;
  check: AssumeRoleCheck;
  /** AWS's answer, verbatim. */
  error: { code: string; message: string };
  /** The evaluator's decision, when policies decided (not for a missing role or a wrong MFA code). */
  decision: Decision | null;
  /** The decision in plain words, one sentence a line: what the audit trail records. */
  explanation: string[];
  advice: DenialAdvice;
  policies: ExplainedPolicy[];
}

export type ConsoleAssumeOutcome = ConsoleAssumeGranted | ConsoleAssumeDenied;

/** A role's session as the Sessions tab lists it. */
export type RoleSessionStatus = "active" | "revoked" | "revoked-by-policy";
export type RoleSessionView = Omit<StsSession, "policy" | "policyArns"> & {
  status: RoleSessionStatus;
  hasSessionPolicies: boolean;
};
