"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { CreateInstanceProfileDialog } from "./create-instance-profile-dialog";

/** The page header's button; the empty list repeats it under its own test id. */
export function CreateInstanceProfileButton({ size = "md", hideWhenReadOnly, testId = "create-instance-profile" }: { size?: "sm" | "md"; hideWhenReadOnly?: boolean; testId?: string }) {
  const readOnly = useReadOnlyReason();
  const [open, setOpen] = useState(false);
  if (readOnly && hideWhenReadOnly) return null;
  return (
    <>
      <Button variant="primary" size={size} icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen(true)} data-testid={testId}>
        Create instance profile
      </Button>
      <CreateInstanceProfileDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
