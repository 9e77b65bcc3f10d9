import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getConsoleSession } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getConsoleSession()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-bg px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        <div className="rounded-2xl border border-border bg-surface p-7 shadow-card">
          <h1 className="text-lg font-semibold tracking-tight">Sign in to the console</h1>
          <p className="mt-1 mb-6 text-[13px] text-fg-muted">Manage roles, trust and permissions for your accounts.</p>
          <LoginForm next={next} />
        </div>
        <p className="mt-6 text-center text-xs text-fg-subtle">
          Console users are set by the operator (ROLEPLANE_ADMIN_EMAIL / ROLEPLANE_ADMIN_PASSWORD).
        </p>
      </div>
    </main>
  );
}
