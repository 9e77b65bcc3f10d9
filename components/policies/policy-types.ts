import type { ManagedPolicy } from "@/lib/domain/types";

/** A managed policy with its default version's document, as the policy page shows it. */
export interface PolicyDetail extends ManagedPolicy {
  document: string;
}
