import { Clock } from "lucide-react";
import { Card, EmptyState } from "@/components/ui/states";

export function SessionsTab() {
  return (
    <Card padded={false} title="Active sessions" description="Temporary credentials issued for this role.">
      <EmptyState icon={<Clock aria-hidden className="size-5" />} title="No active sessions">
        Sessions appear when someone assumes this role (coming with STS).
      </EmptyState>
    </Card>
  );
}
