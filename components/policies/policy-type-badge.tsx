import { Badge } from "@/components/ui/badge";

export function PolicyTypeBadge({ awsManaged }: { awsManaged: boolean }) {
  return <Badge tone={awsManaged ? "neutral" : "accent"}>{awsManaged ? "AWS managed" : "Customer managed"}</Badge>;
}
