"use client";
// A client component only because buttonClass lives with the (client) Button.
import Link from "next/link";
import { Compass } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

/** An address inside the console that names no page (a mistyped tab, an old bookmark). */
export default function ConsoleNotFound() {
  return (
    <EmptyState
      icon={<Compass aria-hidden className="size-5" />}
      title="There is no page at this address"
      action={<Link href="/roles" className={buttonClass("secondary", "sm")}>Go to roles</Link>}
      className="py-24"
    >
      Check the address, or start again from the roles list. Role, user and policy pages live at
      <code className="mx-1 font-mono">/roles/&lt;name&gt;</code>, <code className="mx-1 font-mono">/users/&lt;name&gt;</code> and
      <code className="ml-1 font-mono">/policies/&lt;name&gt;</code>, each with its tabs after the name.
    </EmptyState>
  );
}
