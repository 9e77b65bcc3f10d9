"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { CreateGroupDialog } from "./create-group-dialog";

/** The page header's button; the empty list repeats it under its own test id (`create-group-empty`). */
export function CreateGroupButton({ size = "md", hideWhenReadOnly, testId = "create-group" }: { size?: "sm" | "md"; hideWhenReadOnly?: boolean; testId?: string }) {
  const readOnly = useReadOnlyReason();
  const [open, setOpen] = useState(false);
  if (readOnly && hideWhenReadOnly) return null;
  return (
    <>
      <Button variant="primary" size={size} icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen(true)} data-testid={testId}>
        Create group
      </Button>
      <CreateGroupDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
