"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { CreatePolicyDialog } from "./create-policy-dialog";

export function CreatePolicyButton({ size = "md", hideWhenReadOnly }: { size?: "sm" | "md"; hideWhenReadOnly?: boolean }) {
  const readOnly = useReadOnlyReason();
  const [open, setOpen] = useState(false);
  if (readOnly && hideWhenReadOnly) return null;
  return (
    <>
      <Button variant="primary" size={size} icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen(true)} data-testid="create-policy">
        Create policy
      </Button>
      <CreatePolicyDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
