"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createServiceLinkedRoleSchema, LIMITS } from "@/lib/domain/schemas";
import { SERVICE_LINKED_SERVICES, findServiceLinkedService, serviceLinkedRoleName, serviceLinkedRolePath } from "@/lib/domain/service-linked-roles";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { toRole } from "../routes";
import { useCreateServiceLinkedRoleMutation } from "./service-linked-queries";

const SERVICES = [...SERVICE_LINKED_SERVICES].sort((a, b) => a.service.localeCompare(b.service));

/**
 * CreateServiceLinkedRole: the service from Roleplane's table, a suffix where the service takes one, and a
 * description. The service fixes the rest (name, path, trust, permissions); the preview shows them.
 */
export function CreateServiceLinkedRoleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [principal, setPrincipal] = useState(SERVICES[0].principal);
  const [suffix, setSuffix] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateServiceLinkedRoleMutation();
  const router = useRouter();
  const toast = useToast();
  const service = findServiceLinkedService(principal) ?? SERVICES[0];
  useResetOnOpen(open && "create-slr", () => {
    setPrincipal(SERVICES[0].principal);
    setSuffix("");
    setDescription("");
    setErrors({});
  });
  useMutationResetOnOpen(open && "create-slr", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { AWSServiceName: principal, CustomSuffix: service.customSuffix && suffix ? suffix : undefined, Description: description || undefined };
    const parsed = createServiceLinkedRoleSchema.safeParse(input);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((role) => {
      toast({ tone: "success", title: `${role.name} created`, message: `Only ${service.service} can assume it.` });
      onClose();
      router.push(toRole({ name: role.name }));
    }).catch(() => undefined);
  }

  const serverError = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog open={open} onClose={onClose} title="Create service-linked role" testId="create-slr-dialog" size="lg"
      description="A role an AWS service defines and owns. The service sets its name, trust policy and permissions; you can change only its description."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-slr-form" loading={create.isPending} data-testid="confirm-create-slr">Create role</Button>
      </>}>
      <form id="create-slr-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Service" hint={service.purpose}>
          {({ id, describedBy }) => (
            <Select id={id} aria-describedby={describedBy} value={principal} onChange={(e) => setPrincipal(e.target.value)} data-testid="slr-service">
              {SERVICES.map((s) => <option key={s.principal} value={s.principal}>{s.service} ({s.principal})</option>)}
            </Select>
          )}
        </Field>
        <Field label="Custom suffix" optional error={errors.CustomSuffix}
          hint={service.customSuffix ? `Makes ${service.roleName}_<suffix>, so the service can have more than one role. Up to ${LIMITS.customSuffix.max} letters, digits and + = , . @ _ -.` : `${service.service} does not take a suffix: it has one role per account.`}>
          {({ id, describedBy, invalid }) => (
            <Input id={id} aria-describedby={describedBy} invalid={invalid} value={service.customSuffix ? suffix : ""} disabled={!service.customSuffix} autoComplete="off"
              onChange={(e) => setSuffix(e.target.value)} className="font-mono text-[13px]" data-testid="slr-suffix" />
          )}
        </Field>
        <Field label="Description" optional error={errors.Description} hint={`${description.length} / ${LIMITS.description.max}`}>
          {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="slr-description" />}
        </Field>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-border bg-surface-2/60 p-3 text-[13px]" data-testid="slr-preview">
          <dt className="text-fg-muted">Role name</dt>
          <dd className="font-mono break-all" data-testid="slr-role-name">{serviceLinkedRoleName(service, service.customSuffix ? suffix || undefined : undefined)}</dd>
          <dt className="text-fg-muted">Path</dt>
          <dd className="font-mono break-all">{serviceLinkedRolePath(service.principal)}</dd>
          <dt className="text-fg-muted">Trusted entity</dt>
          <dd className="font-mono">{service.principal}</dd>
          <dt className="text-fg-muted">Permissions</dt>
          <dd className="font-mono break-all">{service.policy}</dd>
        </dl>
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
