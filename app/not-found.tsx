"use client";
// A client component only because buttonClass lives with the (client) Button.
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { buttonClass } from "@/components/ui/button";

/** Addresses outside the console (and outside /api) that name no page. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-bg px-4">
      <div className="flex max-w-sm flex-col items-center gap-4 text-center">
        <Logo />
        <h1 className="text-lg font-semibold tracking-tight">There is no page at this address</h1>
        <p className="text-[13px] text-fg-muted">The console starts at the roles list; the AWS API answers at /api/aws.</p>
        <Link href="/roles" className={buttonClass("primary")}>Go to the console</Link>
      </div>
    </main>
  );
}
