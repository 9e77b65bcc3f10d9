"use client";
import { useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SearchX } from "lucide-react";
import { ApiError } from "@/components/api/fetch-json";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { AssumeCaller } from "@/lib/domain/console-assume";
import { useRoleQuery } from "../role-queries";
import { readAssumeCaller, toAssumeRole, toRole, toRoles } from "../routes";
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
  if (role.error) {
    if (role.error instanceof ApiError && role.error.code === "NoSuchEntity")
      return (
        <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No role named ${name}`} action={<Link href={toRoles()} className={buttonClass("secondary", "sm")}>Back to roles</Link>}>
          It may have been deleted, or it lives in another account — check the account switcher.
        </EmptyState>
      );
    return <ErrorState title="Could not load the role" message={role.error.message} onRetry={() => role.refetch()} />;
  }
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
