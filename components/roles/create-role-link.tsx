"use client";
import Link from "next/link";
import { Plus } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { toNewRole } from "./routes";

export function CreateRoleLink() {
  const readOnly = useReadOnlyReason();
  if (readOnly)
    return (
      <Button variant="primary" icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} data-testid="create-role">
        Create role
      </Button>
    );
  return (
    <Link href={toNewRole()} className={buttonClass("primary")} data-testid="create-role">
      <Plus aria-hidden className="size-4" />
      Create role
    </Link>
  );
}
