"use client";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { ApiError } from "@/components/api/fetch-json";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { toRoles } from "./routes";

/** A role page whose role did not load: gone (or in another account), or the request failed. */
export function RoleLoadError({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  if (error instanceof ApiError && error.code === "NoSuchEntity")
    return (
      <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No role named ${name}`} action={<Link href={toRoles()} className={buttonClass("secondary", "sm")}>Back to roles</Link>}>
        It may have been deleted, or it lives in another account — check the account switcher.
      </EmptyState>
    );
  return <ErrorState title="Could not load the role" message={error.message} onRetry={onRetry} />;
}
