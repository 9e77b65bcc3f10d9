import type { ManagedPolicy } from "@/lib/iam/types";

/** A managed policy with its default version's document, as the policy page shows it. */
export interface PolicyDetail extends ManagedPolicy {
  document: string;
}
