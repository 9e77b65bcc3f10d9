"use client";
import { useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import type { AssumeCaller } from "@/lib/domain/console-assume";
import { useRoleQuery } from "../role-queries";
import { readAssumeCaller, toAssumeRole, toRole, toRoles } from "../routes";
import { RoleLoadError } from "../role-load-error";
import { AssumeRoleForm } from "./assume-role-form";

/** /roles/<name>/assume: assume the role as an IAM user or a role session, and see the credentials or why not. */
export function AssumeRoleView({ name }: { name: string }) {
  const role = useRoleQuery(name);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // The choice shows at once and the URL follows; a URL changed from outside (back, forward) wins.
  const fromUrl = readAssumeCaller(params);
  const urlKey = JSON.stringify(fromUrl);
  const [caller, setCallerState] = useState(fromUrl);
  const [seen, setSeen] = useState(urlKey);
  if (urlKey !== seen) {
    setSeen(urlKey);
    setCallerState(fromUrl);
  }
  const setCaller = (c: AssumeCaller | null) => {
    setCallerState(c);
    router.replace(c ? toAssumeRole({ name, caller: c }) : pathname, { scroll: false });
  };

  const breadcrumb = (
    <nav aria-label="Breadcrumb">
      <Link href={toRoles()} className="hover:text-fg">Roles</Link> <span aria-hidden>/</span>{" "}
      <Link href={toRole({ name })} className="hover:text-fg">{name}</Link> <span aria-hidden>/</span> Assume role
    </nav>
  );
  if (role.error) return <RoleLoadError name={name} error={role.error} onRetry={() => role.refetch()} />;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<span data-testid="assume-title">Assume role {name}</span>}
        description={
          <>
            Get temporary credentials for this role as an IAM user or an active role session, through the same STS code path as{" "}
            <code className="font-mono text-[12px]">aws sts assume-role</code>: the trust policy, the caller&apos;s policies, External ID, MFA and every
            limit apply, and the attempt is in the role&apos;s activity under your name on the caller&apos;s behalf.
          </>
        }
      />
      {role.data ? <AssumeRoleForm role={role.data} caller={caller} onCallerChange={setCaller} /> : <Skeleton className="h-96" />}
    </>
  );
}
