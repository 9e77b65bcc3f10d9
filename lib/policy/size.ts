/**
 * IAM counts policy size in characters without whitespace.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
 */
export function policySize(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

/** Default role trust policy quota (`ACLSizePerRole`); AWS can raise it to 4,096. */
export const TRUST_POLICY_QUOTA = 2048;
/** Managed policy quota (`PolicySize`), also for permissions boundaries. */
export const MANAGED_POLICY_QUOTA = 6144;
/** Session policies passed to sts:AssumeRole* (`Policy` parameter). */
export const SESSION_POLICY_QUOTA = 2048;
