export type { UserAccessKeySummary, UserListItem } from "@/lib/iam/types";
