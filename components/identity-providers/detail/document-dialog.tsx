"use client";
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { FileTextField } from "../file-text-field";

/** Replaces a provider's document (SAML metadata, an OIDC provider's JWKS); the server reads it before saving. */
export function DocumentDialog({ open, onClose, title, description, label, accept, testId, save }: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: React.ReactNode;
  label: string;
  accept: string;
  testId: string;
  save: UseMutationResult<unknown, Error, string>;
}) {
  const [text, setText] = useState("");
  const toast = useToast();
  useResetOnOpen(open && testId, () => setText(""));
  useMutationResetOnOpen(open && testId, save);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await save.mutateAsync(text).then(() => {
      toast({ tone: "success", title: `${label} saved` });
      onClose();
    }).catch(() => undefined);
  }
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={title} description={description} testId={`${testId}-dialog`}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form={`${testId}-form`} disabled={!text.trim()} loading={save.isPending} data-testid={`confirm-${testId}`}>Save</Button>
      </>}>
      <form id={`${testId}-form`} onSubmit={submit} className="flex flex-col gap-3 pb-2">
        <FileTextField label={label} value={text} onChange={setText} accept={accept} rows={12} testId={testId} error={save.error?.message} />
      </form>
    </Dialog>
  );
}
