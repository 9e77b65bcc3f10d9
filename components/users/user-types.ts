export type { UserAccessKeySummary, UserListItem } from "@/lib/domain/types";
