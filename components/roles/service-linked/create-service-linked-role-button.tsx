"use client";
import { useState } from "react";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { CreateServiceLinkedRoleDialog } from "./create-service-linked-role-dialog";

export function CreateServiceLinkedRoleButton() {
  const readOnly = useReadOnlyReason();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ShieldCheck aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen(true)} data-testid="create-slr">
        Create service-linked role
      </Button>
      <CreateServiceLinkedRoleDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
