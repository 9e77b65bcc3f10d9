"use client";
import { useState } from "react";
import { Plus, Server, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { CopyableCode } from "@/components/ui/summary-grid";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { LIMITS } from "@/lib/domain/schemas";
import {
  useAddRoleToProfileMutation,
  useCreateInstanceProfileMutation,
  useInstanceProfilesQuery,
  useRemoveRoleFromProfileMutation,
  useRoleInstanceProfilesQuery,
  type InstanceProfileDto,
} from "@/components/instance-profiles/instance-profile-queries";

/**
 * The role's instance profiles in its summary: each ARN with a copy button, and a way to change them. A
 * service-linked role is used by its service alone: AWS keeps it out of instance profiles (UnmodifiableEntity).
 */
export function RoleInstanceProfiles({ roleName, serviceLinked, readOnly }: { roleName: string; serviceLinked: boolean; readOnly?: string }) {
  const profiles = useRoleInstanceProfilesQuery(roleName);
  const [open, setOpen] = useState(false);
  if (serviceLinked) return <span className="text-fg-muted" data-testid="role-instance-profiles">None: AWS keeps service-linked roles out of instance profiles.</span>;
  return (
    <div className="flex flex-col gap-1" data-testid="role-instance-profiles">
      {profiles.error ? (
        <span className="text-danger">{profiles.error.message}</span>
      ) : !profiles.data ? (
        <Skeleton className="h-5 w-64" />
      ) : profiles.data.length === 0 ? (
        <span className="text-fg-muted">None</span>
      ) : (
        profiles.data.map((p) => <CopyableCode key={p.id} value={p.arn} label={`instance profile ARN ${p.name}`} truncate testId="role-instance-profile-arn" />)
      )}
      <div>
        <Button size="sm" variant="ghost" className="-ml-2.5" icon={<Server aria-hidden className="size-3.5" />} onClick={() => setOpen(true)} data-testid="manage-instance-profiles">
          Manage instance profiles
        </Button>
      </div>
      <ManageDialog roleName={roleName} profiles={profiles.data ?? []} locked={readOnly} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

/**
 * Add the role to an empty instance profile, make one named after the role, or take it out of one. A profile
 * holds one role, so only empty profiles are offered.
 */
function ManageDialog({ roleName, profiles, locked, open, onClose }: { roleName: string; profiles: InstanceProfileDto[]; locked?: string; open: boolean; onClose: () => void }) {
  const all = useInstanceProfilesQuery({}, 100);
  const empty = (all.data?.items ?? []).filter((p) => p.roles.length === 0);
  const [choice, setChoice] = useState("");
  const add = useAddRoleToProfileMutation();
  const remove = useRemoveRoleFromProfileMutation();
  const create = useCreateInstanceProfileMutation();
  const toast = useToast();
  useResetOnOpen(open && "manage-profiles", () => setChoice(""));
  useMutationResetOnOpen(open && "manage-profiles", add);
  useMutationResetOnOpen(open && "manage-profiles", create);
  const error = add.error ?? remove.error ?? create.error;
  const nameTaken = [...profiles, ...(all.data?.items ?? [])].some((p) => p.name.toLowerCase() === roleName.toLowerCase());
  const tooLong = roleName.length > LIMITS.instanceProfileName.max;

  const done = (title: string) => () => toast({ tone: "success", title });
  const onAdd = () => choice && add.mutateAsync({ profile: choice, roleName }).then(done(`Added to ${choice}`)).then(() => setChoice("")).catch(() => undefined);
  const onCreate = () => create.mutateAsync({ InstanceProfileName: roleName, RoleName: roleName }).then(done(`Instance profile ${roleName} created`)).catch(() => undefined);
  const onRemove = (profile: string) => remove.mutateAsync({ profile, roleName }).then(done(`Removed from ${profile}`)).catch(() => undefined);

  return (
    <Dialog open={open} onClose={onClose} title={`Instance profiles of ${roleName}`} testId="instance-profiles-dialog" size="lg"
      description="EC2 hands a role to an instance through an instance profile. A role may be in several profiles; a profile holds one role."
      footer={<Button variant="ghost" onClick={onClose}>Close</Button>}>
      <div className="flex flex-col gap-5 pb-2 text-[13px]">
        {locked && <p className="rounded-lg bg-surface-2 p-3 text-fg-muted" data-testid="instance-profiles-locked">{locked}</p>}
        <section aria-labelledby="current-profiles">
          <h3 id="current-profiles" className="mb-2 font-medium">In these instance profiles</h3>
          {profiles.length === 0 ? (
            <p className="text-fg-muted">None yet.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
              {profiles.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2" data-testid="current-instance-profile">
                  <div className="min-w-0">
                    <p className="font-medium">{p.name}</p>
                    <CopyableCode value={p.arn} label={`ARN of ${p.name}`} truncate />
                  </div>
                  <Button size="sm" icon={<X aria-hidden className="size-3.5" />} disabledReason={locked} loading={remove.isPending && remove.variables?.profile === p.name} onClick={() => onRemove(p.name)} data-testid="remove-from-instance-profile">
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-profile" className="flex flex-col gap-3">
          <h3 id="add-profile" className="font-medium">Add to an instance profile</h3>
          {all.error ? (
            <ErrorState message={all.error.message} onRetry={() => all.refetch()} />
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <Field label="Empty instance profile" className="min-w-64 flex-1">
                {({ id }) => (
                  <Select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!!locked || empty.length === 0} data-testid="choose-instance-profile">
                    <option value="">{empty.length ? "Choose a profile" : "No empty profiles"}</option>
                    {empty.map((p) => <option key={p.id} value={p.name}>{p.name}</option>)}
                  </Select>
                )}
              </Field>
              <Button disabledReason={locked ?? (!choice ? "Choose an empty instance profile first." : undefined)} loading={add.isPending} onClick={onAdd} data-testid="add-to-instance-profile">Add</Button>
            </div>
          )}
          <div>
            <Button icon={<Plus aria-hidden className="size-4" />} loading={create.isPending} onClick={onCreate} data-testid="create-instance-profile-for-role"
              disabledReason={locked ?? (tooLong ? `An instance profile name is at most ${LIMITS.instanceProfileName.max} characters.` : nameTaken ? `An instance profile named ${roleName} exists already.` : undefined)}>
              Create instance profile {roleName}
            </Button>
          </div>
        </section>
        {error && <p role="alert" className="text-danger" data-testid="instance-profiles-error">{error.message}</p>}
      </div>
    </Dialog>
  );
}
